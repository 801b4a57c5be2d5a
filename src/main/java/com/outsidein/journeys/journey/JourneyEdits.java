package com.outsidein.journeys.journey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;

/**
 * The fine-grained endpoints as pure edits of a journey document, so they share the document's
 * validation and persistence instead of having their own.
 */
final class JourneyEdits {

    private JourneyEdits() {
    }

    // ---- steps ---------------------------------------------------------------------------------

    static StepDocument step(JourneyDocument doc, String stepKey) {
        return doc.step(stepKey).orElseThrow(() -> ProblemException.notFound("No step '" + stepKey + "'"));
    }

    static JourneyDocument addStep(JourneyDocument doc, StepDocument step) {
        if (doc.step(step.key()).isPresent()) {
            throw duplicate("step", step.key());
        }
        return doc.withSteps(append(doc.steps(), step));
    }

    /** Replaces the step in place, or appends it when the journey has no step with this key. */
    static JourneyDocument putStep(JourneyDocument doc, StepDocument step) {
        return doc.step(step.key()).isPresent()
                ? doc.withSteps(replace(doc.steps(), s -> s.key().equals(step.key()), s -> step))
                : doc.withSteps(append(doc.steps(), step));
    }

    /** Removes the step and the transitions that start or end at it; it owns them. */
    static JourneyDocument removeStep(JourneyDocument doc, String stepKey) {
        step(doc, stepKey);
        return doc.withSteps(doc.steps().stream().filter(s -> !s.key().equals(stepKey)).toList())
                .withTransitions(doc.transitions().stream()
                        .filter(t -> !t.from().equals(stepKey) && !t.to().equals(stepKey)).toList());
    }

    static JourneyDocument reorderSteps(JourneyDocument doc, List<String> keys) {
        List<String> current = doc.steps().stream().map(StepDocument::key).toList();
        if (keys == null || keys.size() != current.size() || !new HashSet<>(keys).equals(new HashSet<>(current))) {
            throw ProblemException.invalid("Invalid step order", List.of(new FieldError("keys",
                    "must list every step key of the journey exactly once; current keys: " + current)));
        }
        return doc.withSteps(keys.stream().map(k -> step(doc, k)).toList());
    }

    // ---- touchpoints ---------------------------------------------------------------------------

    static TouchpointDocument touchpoint(JourneyDocument doc, String stepKey, String key) {
        return step(doc, stepKey).touchpoints().stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No touchpoint '" + key + "' in step '" + stepKey + "'"));
    }

    static JourneyDocument addTouchpoint(JourneyDocument doc, String stepKey, TouchpointDocument touchpoint) {
        step(doc, stepKey);
        if (doc.steps().stream().flatMap(s -> s.touchpoints().stream()).anyMatch(t -> t.key().equals(touchpoint.key()))) {
            throw duplicate("touchpoint", touchpoint.key());
        }
        return editStep(doc, stepKey, s -> s.withTouchpoints(append(s.touchpoints(), touchpoint)));
    }

    static JourneyDocument putTouchpoint(JourneyDocument doc, String stepKey, TouchpointDocument touchpoint) {
        boolean exists = step(doc, stepKey).touchpoints().stream().anyMatch(t -> t.key().equals(touchpoint.key()));
        return exists
                ? editStep(doc, stepKey, s -> s.withTouchpoints(
                        replace(s.touchpoints(), t -> t.key().equals(touchpoint.key()), t -> touchpoint)))
                : addTouchpoint(doc, stepKey, touchpoint);
    }

    static JourneyDocument removeTouchpoint(JourneyDocument doc, String stepKey, String key) {
        touchpoint(doc, stepKey, key);
        return editStep(doc, stepKey, s -> s.withTouchpoints(
                s.touchpoints().stream().filter(t -> !t.key().equals(key)).toList()));
    }

    // ---- actions -------------------------------------------------------------------------------

    static ActionDocument action(JourneyDocument doc, String stepKey, String key) {
        return step(doc, stepKey).actions().stream().filter(a -> a.key().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No action '" + key + "' in step '" + stepKey + "'"));
    }

    static JourneyDocument addAction(JourneyDocument doc, String stepKey, ActionDocument action) {
        step(doc, stepKey);
        if (doc.steps().stream().flatMap(s -> s.actions().stream()).anyMatch(a -> a.key().equals(action.key()))) {
            throw duplicate("action", action.key());
        }
        return editStep(doc, stepKey, s -> s.withActions(append(s.actions(), action)));
    }

    static JourneyDocument putAction(JourneyDocument doc, String stepKey, ActionDocument action) {
        boolean exists = step(doc, stepKey).actions().stream().anyMatch(a -> a.key().equals(action.key()));
        return exists
                ? editStep(doc, stepKey, s -> s.withActions(
                        replace(s.actions(), a -> a.key().equals(action.key()), a -> action)))
                : addAction(doc, stepKey, action);
    }

    static JourneyDocument removeAction(JourneyDocument doc, String stepKey, String key) {
        action(doc, stepKey, key);
        return editStep(doc, stepKey, s -> s.withActions(s.actions().stream().filter(a -> !a.key().equals(key)).toList()));
    }

    // ---- transitions ---------------------------------------------------------------------------

    static TransitionDocument transition(JourneyDocument doc, String from, String to) {
        return doc.transitions().stream().filter(t -> t.connects(from, to)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No transition from '" + from + "' to '" + to + "'"));
    }

    static JourneyDocument addTransition(JourneyDocument doc, TransitionDocument transition) {
        if (doc.transitions().stream().anyMatch(t -> t.connects(transition.from(), transition.to()))) {
            throw ProblemException.conflict("A transition from '" + transition.from() + "' to '" + transition.to()
                    + "' already exists", List.of());
        }
        return doc.withTransitions(append(doc.transitions(), transition));
    }

    static JourneyDocument putTransition(JourneyDocument doc, TransitionDocument transition) {
        boolean exists = doc.transitions().stream().anyMatch(t -> t.connects(transition.from(), transition.to()));
        return exists
                ? doc.withTransitions(replace(doc.transitions(),
                        t -> t.connects(transition.from(), transition.to()), t -> transition))
                : addTransition(doc, transition);
    }

    static JourneyDocument removeTransition(JourneyDocument doc, String from, String to) {
        transition(doc, from, to);
        return doc.withTransitions(doc.transitions().stream().filter(t -> !t.connects(from, to)).toList());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static JourneyDocument editStep(JourneyDocument doc, String stepKey, UnaryOperator<StepDocument> edit) {
        return doc.withSteps(replace(doc.steps(), s -> s.key().equals(stepKey), edit));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> replace(List<T> list, Predicate<T> which, Function<T, T> with) {
        return list.stream().map(item -> which.test(item) ? with.apply(item) : item).toList();
    }

    private static ProblemException duplicate(String what, String key) {
        return ProblemException.conflict("A " + what + " with key '" + key + "' already exists in this journey",
                List.of(new FieldError("key", "duplicate " + what + " key '" + key + "'")));
    }
}
