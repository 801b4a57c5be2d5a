package com.outsidein.journeys.journey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.problem.RequestValidator;

/**
 * Checks a whole journey document: field constraints first (Hibernate Validator), then the rules that
 * span the document (unique keys, references, step order). Reports every error at once.
 */
@ApplicationScoped
public class JourneyValidator {

    /** Would collide with {@code PUT .../steps/order}. */
    static final String RESERVED_STEP_KEY = "order";

    @Inject
    RequestValidator requests;

    /** Throws 400 when a request has no body. */
    public static <T> T requireBody(T body, String what) {
        return RequestValidator.requireBody(body, what);
    }

    /** Throws 422 listing every field-level error of a request body, with paths relative to it. */
    public <T> void checkFields(T body, String what) {
        requests.checkFields(body, what);
    }

    /** Throws 409 when keys collide, 422 for any other invalid content; does nothing for a valid document. */
    public void check(JourneyDocument doc) {
        checkFields(doc, "journey");
        List<FieldError> duplicates = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> stepKeys = new HashSet<>();
        Set<String> touchpointKeys = new HashSet<>();
        Set<String> actionKeys = new HashSet<>();
        requireKeys(doc, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Invalid journey", errors);
        }
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument step = doc.steps().get(i);
            String at = "steps[" + i + "]";
            if (!stepKeys.add(step.key())) {
                duplicates.add(new FieldError(at + ".key", "duplicate step key '" + step.key() + "'"));
            }
            if (RESERVED_STEP_KEY.equals(step.key())) {
                errors.add(new FieldError(at + ".key", "'order' is reserved (PUT .../steps/order reorders steps)"));
            }
            if (i == 0 && step.optional()) {
                errors.add(new FieldError(at + ".optional", "the first step cannot be optional"));
            }
            checkDuration(step.staleAfter(), at + ".staleAfter", errors);
            for (int t = 0; t < step.touchpoints().size(); t++) {
                String tpKey = step.touchpoints().get(t).key();
                if (!touchpointKeys.add(tpKey)) {
                    duplicates.add(new FieldError(at + ".touchpoints[" + t + "].key",
                            "duplicate touchpoint key '" + tpKey + "' (touchpoint keys are unique in the journey)"));
                }
            }
        }
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument step = doc.steps().get(i);
            for (int a = 0; a < step.actions().size(); a++) {
                ActionDocument action = step.actions().get(a);
                String at = "steps[" + i + "].actions[" + a + "]";
                if (!actionKeys.add(action.key())) {
                    duplicates.add(new FieldError(at + ".key",
                            "duplicate action key '" + action.key() + "' (action keys are unique in the journey)"));
                }
                checkDuration(action.responseSla(), at + ".responseSla", errors);
                Set<String> seen = new HashSet<>();
                for (int r = 0; r < action.respondedBy().size(); r++) {
                    String ref = action.respondedBy().get(r);
                    if (!touchpointKeys.contains(ref)) {
                        errors.add(new FieldError(at + ".respondedBy[" + r + "]", "unknown touchpoint '" + ref + "'"));
                    } else if (!seen.add(ref)) {
                        errors.add(new FieldError(at + ".respondedBy[" + r + "]", "touchpoint '" + ref + "' is listed twice"));
                    }
                }
            }
        }
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument step = doc.steps().get(i);
            for (int t = 0; t < step.touchpoints().size(); t++) {
                List<ExclusionDocument> excludes = step.touchpoints().get(t).excludes();
                for (int e = 0; e < excludes.size(); e++) {
                    checkExclusion(excludes.get(e), "steps[" + i + "].touchpoints[" + t + "].excludes[" + e + "]", stepKeys,
                            actionKeys, errors);
                }
            }
        }
        checkSourceClaims(doc, duplicates);
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < doc.transitions().size(); i++) {
            TransitionDocument transition = doc.transitions().get(i);
            String at = "transitions[" + i + "]";
            boolean endsKnown = true;
            if (!stepKeys.contains(transition.from())) {
                errors.add(new FieldError(at + ".from", "unknown step '" + transition.from() + "'"));
                endsKnown = false;
            }
            if (!stepKeys.contains(transition.to())) {
                errors.add(new FieldError(at + ".to", "unknown step '" + transition.to() + "'"));
                endsKnown = false;
            }
            if (transition.from().equals(transition.to())) {
                errors.add(new FieldError(at + ".to", "a transition cannot lead from a step to itself"));
            } else if (endsKnown && !pairs.add(transition.from() + "\u0000" + transition.to())) {
                duplicates.add(new FieldError(at, "duplicate transition from '" + transition.from() + "' to '"
                        + transition.to() + "'"));
            }
            for (int c = 0; c < transition.conditions().size(); c++) {
                checkCondition(transition.conditions().get(c), at + ".conditions[" + c + "]", actionKeys,
                        touchpointKeys, errors);
            }
        }
        if (!duplicates.isEmpty()) {
            duplicates.addAll(errors);
            throw ProblemException.conflict(duplicates.size() == 1 ? duplicates.get(0).message()
                    : "The document repeats keys that must be unique", duplicates);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Invalid journey", errors);
        }
    }

    /**
     * Each call and set of properties means one element's event: two elements claiming the same one (or one
     * element twice) is a conflict naming both. Claims that only overlap (one with {@code where}, one without)
     * are allowed: a white-paper request that ticks "contact me" is both a download and a contact request.
     */
    private static void checkSourceClaims(JourneyDocument doc, List<FieldError> duplicates) {
        java.util.Map<SourceEventDocument, String> claimed = new java.util.HashMap<>();
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument step = doc.steps().get(i);
            String at = "steps[" + i + "]";
            claim(step.sourceEvents(), at, "step '" + step.key() + "'", claimed, duplicates);
            for (int t = 0; t < step.touchpoints().size(); t++) {
                TouchpointDocument touchpoint = step.touchpoints().get(t);
                claim(touchpoint.sourceEvents(), at + ".touchpoints[" + t + "]", "touchpoint '" + touchpoint.key() + "'",
                        claimed, duplicates);
            }
            for (int a = 0; a < step.actions().size(); a++) {
                ActionDocument action = step.actions().get(a);
                claim(action.sourceEvents(), at + ".actions[" + a + "]", "action '" + action.key() + "'", claimed, duplicates);
            }
        }
    }

    private static void claim(List<SourceEventDocument> sourceEvents, String at, String element,
            java.util.Map<SourceEventDocument, String> claimed, List<FieldError> duplicates) {
        for (int e = 0; e < sourceEvents.size(); e++) {
            SourceEventDocument call = sourceEvents.get(e);
            String field = at + ".sourceEvents[" + e + "]";
            String first = claimed.putIfAbsent(call, element + " (" + field + ")");
            if (first != null) {
                duplicates.add(new FieldError(field, call.label() + " is claimed by " + first + " and by " + element
                        + "; a call and its properties may mean one element's event"));
            }
        }
    }

    /** Keys may be absent from an element's own PUT body, never from a whole document. */
    private static void requireKeys(JourneyDocument doc, List<FieldError> errors) {
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument step = doc.steps().get(i);
            if (step.key() == null) {
                errors.add(new FieldError("steps[" + i + "].key", "is required"));
            }
            for (int t = 0; t < step.touchpoints().size(); t++) {
                if (step.touchpoints().get(t).key() == null) {
                    errors.add(new FieldError("steps[" + i + "].touchpoints[" + t + "].key", "is required"));
                }
            }
            for (int a = 0; a < step.actions().size(); a++) {
                if (step.actions().get(a).key() == null) {
                    errors.add(new FieldError("steps[" + i + "].actions[" + a + "].key", "is required"));
                }
            }
        }
        for (int i = 0; i < doc.transitions().size(); i++) {
            TransitionDocument transition = doc.transitions().get(i);
            if (transition.from() == null) {
                errors.add(new FieldError("transitions[" + i + "].from", "is required"));
            }
            if (transition.to() == null) {
                errors.add(new FieldError("transitions[" + i + "].to", "is required"));
            }
        }
    }

    private static void checkCondition(ConditionDocument condition, String at, Set<String> actionKeys,
            Set<String> touchpointKeys, List<FieldError> errors) {
        switch (condition.type()) {
            case ACTION_PERFORMED -> {
                require(condition.action(), at + ".action", errors);
                if (condition.action() != null && !actionKeys.contains(condition.action())) {
                    errors.add(new FieldError(at + ".action", "unknown action '" + condition.action() + "'"));
                }
                if (condition.minCount() != null && (condition.minCount() < 1 || condition.minCount() > 1000)) {
                    errors.add(new FieldError(at + ".minCount", "must be between 1 and 1000"));
                }
                forbid(at, errors, condition.touchpoint() == null, "touchpoint", condition.attribute() == null, "attribute",
                        condition.value() == null, "value", condition.duration() == null, "duration");
            }
            case TOUCHPOINT_RECEIVED -> {
                require(condition.touchpoint(), at + ".touchpoint", errors);
                if (condition.touchpoint() != null && !touchpointKeys.contains(condition.touchpoint())) {
                    errors.add(new FieldError(at + ".touchpoint", "unknown touchpoint '" + condition.touchpoint() + "'"));
                }
                forbid(at, errors, condition.action() == null, "action", condition.minCount() == null, "minCount",
                        condition.attribute() == null, "attribute", condition.value() == null, "value",
                        condition.duration() == null, "duration");
            }
            case ATTRIBUTE_EQUALS -> {
                require(condition.attribute(), at + ".attribute", errors);
                if (condition.value() == null) {
                    errors.add(new FieldError(at + ".value", "is required for ATTRIBUTE_EQUALS"));
                }
                forbid(at, errors, condition.action() == null, "action", condition.minCount() == null, "minCount",
                        condition.touchpoint() == null, "touchpoint", condition.duration() == null, "duration");
            }
            case TIME_IN_STEP_AT_LEAST -> {
                if (condition.duration() == null) {
                    errors.add(new FieldError(at + ".duration", "is required for TIME_IN_STEP_AT_LEAST"));
                } else {
                    checkDuration(condition.duration(), at + ".duration", errors);
                }
                forbid(at, errors, condition.action() == null, "action", condition.minCount() == null, "minCount",
                        condition.touchpoint() == null, "touchpoint", condition.attribute() == null, "attribute",
                        condition.value() == null, "value");
            }
        }
    }

    private static void checkExclusion(ExclusionDocument rule, String at, Set<String> stepKeys, Set<String> actionKeys,
            List<FieldError> errors) {
        switch (rule.type()) {
            case ATTRIBUTE_IN -> {
                if (rule.attribute() == null || rule.attribute().isBlank()) {
                    errors.add(new FieldError(at + ".attribute", "is required for ATTRIBUTE_IN"));
                }
                if (rule.values() == null || rule.values().isEmpty()) {
                    errors.add(new FieldError(at + ".values", "needs at least one value for ATTRIBUTE_IN"));
                }
                forbid(at, errors, rule.step() == null, "step", rule.action() == null, "action");
            }
            case REACHED_STEP -> {
                if (rule.step() == null) {
                    errors.add(new FieldError(at + ".step", "is required for REACHED_STEP"));
                } else if (!stepKeys.contains(rule.step())) {
                    errors.add(new FieldError(at + ".step", "unknown step '" + rule.step() + "'"));
                }
                forbid(at, errors, rule.attribute() == null, "attribute", rule.values() == null, "values",
                        rule.action() == null, "action");
            }
            case ACTION_PERFORMED -> {
                if (rule.action() == null) {
                    errors.add(new FieldError(at + ".action", "is required for ACTION_PERFORMED"));
                } else if (!actionKeys.contains(rule.action())) {
                    errors.add(new FieldError(at + ".action", "unknown action '" + rule.action() + "'"));
                }
                forbid(at, errors, rule.attribute() == null, "attribute", rule.values() == null, "values",
                        rule.step() == null, "step");
            }
        }
    }

    private static void require(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required for this condition type"));
        }
    }

    /** Pairs of (field is absent, field name): a field that does not apply to the type is an error, not ignored. */
    private static void forbid(String at, List<FieldError> errors, Object... absentAndName) {
        for (int i = 0; i < absentAndName.length; i += 2) {
            if (!(Boolean) absentAndName[i]) {
                errors.add(new FieldError(at + "." + absentAndName[i + 1], "does not apply to this type"));
            }
        }
    }

    private static void checkDuration(String text, String field, List<FieldError> errors) {
        if (text != null && IsoDurations.parsePositive(text).isEmpty()) {
            errors.add(new FieldError(field, IsoDurations.MESSAGE));
        }
    }
}
