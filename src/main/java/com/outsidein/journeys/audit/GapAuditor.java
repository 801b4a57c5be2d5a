package com.outsidein.journeys.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.outsidein.journeys.journey.ActionDocument;
import com.outsidein.journeys.journey.Channel;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.Mode;
import com.outsidein.journeys.journey.StepDocument;
import com.outsidein.journeys.journey.TouchpointDocument;
import com.outsidein.journeys.journey.TransitionDocument;

/** Finds the gaps in a journey design. Pure: the same document always gives the same gaps in the same order. */
public final class GapAuditor {

    /**
     * A gap and the fingerprint of the design elements that cause it: an acknowledgement holds only
     * while the fingerprint stays the same.
     */
    public record Finding(Gap gap, String fingerprint) {
    }

    private GapAuditor() {
    }

    public static List<Finding> audit(JourneyDocument doc) {
        Map<String, Integer> stepOrder = new HashMap<>();
        Map<String, TouchpointDocument> touchpoints = new LinkedHashMap<>();
        Map<String, String> touchpointStep = new HashMap<>();
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument step = doc.steps().get(i);
            stepOrder.put(step.key(), i);
            for (TouchpointDocument t : step.touchpoints()) {
                touchpoints.put(t.key(), t);
                touchpointStep.put(t.key(), step.key());
            }
        }
        Map<String, List<ActionDocument>> answeredBy = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (StepDocument step : doc.steps()) {
            for (ActionDocument action : step.actions()) {
                action.respondedBy().forEach(t -> answeredBy.computeIfAbsent(t, k -> new ArrayList<>()).add(action));
                actionGaps(step, action, touchpoints, findings);
            }
            stepGaps(step, findings);
            step.touchpoints().forEach(t -> audienceGaps(step, t, findings));
        }
        answeredBy.forEach((key, actions) -> responseGaps(touchpoints.get(key), touchpointStep.get(key), actions, findings));
        transitionGaps(doc, findings);

        findings.sort(Comparator.comparing((Finding f) -> f.gap().severity())
                .thenComparing(f -> stepOrder.getOrDefault(f.gap().step(), Integer.MAX_VALUE))
                .thenComparing(f -> f.gap().subject())
                .thenComparing(f -> f.gap().type()));
        return findings;
    }

    private static void actionGaps(StepDocument step, ActionDocument action, Map<String, TouchpointDocument> touchpoints,
            List<Finding> findings) {
        if (action.expectsResponse() && action.respondedBy().isEmpty()) {
            add(findings, GapType.UNANSWERED_ACTION, step.key(), action.key(),
                    quote(action.name()) + " expects an answer, but no touchpoint answers it",
                    "List the touchpoint that answers it in respondedBy, with an owner and a responseSla; "
                            + "or set expectsResponse to false if no answer is due",
                    action);
        }
        if (action.expectsResponse() && action.responseSla() == null) {
            add(findings, GapType.MISSING_SLA, step.key(), action.key(),
                    quote(action.name()) + " expects an answer but has no responseSla, so a late answer cannot be "
                            + "told from a dropped one",
                    "Set responseSla to the time the buyer will wait, e.g. PT4H", action);
        }
        List<TouchpointDocument> responders = action.respondedBy().stream().map(touchpoints::get).toList();
        if (action.requiresHuman() && !responders.isEmpty()
                && responders.stream().allMatch(t -> t.mode() == Mode.AUTOMATED)) {
            add(findings, GapType.AUTOMATED_ONLY_RESPONSE, step.key(), action.key(),
                    quote(action.name()) + " needs a person, but only automated touchpoints answer it ("
                            + names(responders) + ")",
                    "Add a HUMAN touchpoint with an owner to its respondedBy", action, responders);
        }
    }

    private static void responseGaps(TouchpointDocument touchpoint, String step, List<ActionDocument> actions,
            List<Finding> findings) {
        String answers = actions.stream().map(a -> quote(a.name())).collect(Collectors.joining(", "));
        if (touchpoint.owner() == null || touchpoint.owner().isBlank()) {
            add(findings, GapType.UNOWNED_RESPONSE, step, touchpoint.key(),
                    quote(touchpoint.name()) + " answers " + answers + " but nobody owns it",
                    "Set owner to the team or person accountable for delivering it", touchpoint, actions);
        }
        if (!touchpoint.staffed()) {
            add(findings, GapType.UNSTAFFED_RESPONSE, step, touchpoint.key(),
                    quote(touchpoint.name()) + " answers " + answers + " but is not staffed: the buyer waits for nobody",
                    "Staff it, or answer through a staffed touchpoint and take this one out of respondedBy",
                    touchpoint, actions);
        }
    }

    /** Channels that reach many buyers at once, where automation without exclusions mails everyone. */
    static final java.util.Set<Channel> BROADCAST = java.util.EnumSet.of(Channel.EMAIL, Channel.NEWSLETTER,
            Channel.WEBINAR, Channel.EVENT, Channel.DIRECT_MAIL, Channel.SOCIAL);

    private static void audienceGaps(StepDocument step, TouchpointDocument touchpoint, List<Finding> findings) {
        if (touchpoint.mode() != Mode.AUTOMATED) {
            return;
        }
        if (BROADCAST.contains(touchpoint.channel()) && touchpoint.excludes().isEmpty()) {
            add(findings, GapType.UNTARGETED_AUTOMATION, step.key(), touchpoint.key(),
                    quote(touchpoint.name()) + " goes out automatically by " + touchpoint.channel()
                            + " to everyone at " + quote(step.name()) + ", excluding nobody: speakers get invitations to "
                            + "their own talk, registered buyers 'please register', customers the awareness newsletter",
                    "Add excludes: who must not get it (ATTRIBUTE_IN role speaker, employee, customer; REACHED_STEP of a "
                            + "later step; ACTION_PERFORMED of the action it asks for)",
                    touchpoint.channel(), touchpoint.excludes());
        }
        if (touchpoint.looksPersonal()) {
            add(findings, GapType.DISGUISED_AUTOMATION, step.key(), touchpoint.key(),
                    quote(touchpoint.name()) + " is sent automatically but written to read like a personal note: a "
                            + "buyer who answers it finds a broadcast, and stops reading this sender",
                    "Write it as what it is (a newsletter, an announcement), or have a named person send it and "
                            + "answer replies (mode HUMAN, with an owner)",
                    touchpoint.mode(), touchpoint.looksPersonal());
        }
    }

    private static void stepGaps(StepDocument step, List<Finding> findings) {
        if (step.touchpoints().isEmpty()) {
            add(findings, GapType.EMPTY_STEP, step.key(), step.key(),
                    "The company has no touchpoint at " + quote(step.name()) + ": the buyer is on their own",
                    step.buyerGoal() == null || step.buyerGoal().isBlank() ? "Add the touchpoints that help the buyer through this step"
                            : "Add the touchpoints that help the buyer " + step.buyerGoal().strip().substring(0, 1).toLowerCase()
                                    + step.buyerGoal().strip().substring(1),
                    step.touchpoints());
        } else if (step.touchpoints().stream().allMatch(t -> t.mode() == Mode.AUTOMATED)) {
            add(findings, GapType.NO_HUMAN_TOUCHPOINT, step.key(), step.key(),
                    "At " + quote(step.name()) + " the buyer meets only automation (" + names(step.touchpoints()) + ")",
                    "Add a HUMAN touchpoint with an owner the buyer can reach", step.touchpoints());
        }
        InsideOutPhrases.find(step.name()).ifPresent(phrase -> add(findings, GapType.INSIDE_OUT_STEP, step.key(),
                step.key(), quote(step.name()) + " is named from the seller's side ('" + phrase + "': what the company does to the buyer)",
                "Name the step after what the buyer is doing, e.g. 'Compares vendors' rather than 'Qualify lead'",
                step.name()));
    }

    private static void transitionGaps(JourneyDocument doc, List<Finding> findings) {
        for (int i = 0; i + 1 < doc.steps().size(); i++) {
            StepDocument from = doc.steps().get(i);
            StepDocument to = doc.steps().get(i + 1);
            boolean recorded = doc.transitions().stream().anyMatch(t -> t.connects(from.key(), to.key()));
            if (!recorded) {
                add(findings, GapType.UNDEFINED_TRANSITION, from.key(), from.key() + "->" + to.key(),
                        "Nothing records what moves a buyer from " + quote(from.name()) + " to " + quote(to.name()),
                        "Add a transition from '" + from.key() + "' to '" + to.key()
                                + "' with the conditions that really precede the move",
                        "missing");
            }
        }
        for (TransitionDocument transition : doc.transitions()) {
            if (transition.conditions().isEmpty()) {
                add(findings, GapType.UNDEFINED_TRANSITION, transition.from(),
                        transition.from() + "->" + transition.to(),
                        "The transition from '" + transition.from() + "' to '" + transition.to()
                                + "' has no recorded condition",
                        "Record what precedes the move: an action performed, a touchpoint received, an attribute, "
                                + "or a time in step",
                        transition);
            }
        }
    }

    private static void add(List<Finding> findings, GapType type, String step, String subject, String message,
            String fix, Object... causes) {
        String id = type.idPrefix() + "." + subject.replace("->", ".");
        Gap gap = new Gap(id, type, type.severity(), step, subject, message, fix, null);
        findings.add(new Finding(gap, fingerprint(type, causes)));
    }

    /** A digest of the elements behind a gap; records print every component, so any change shows. */
    private static String fingerprint(GapType type, Object... causes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(type.name().getBytes(StandardCharsets.UTF_8));
            for (Object cause : causes) {
                digest.update(String.valueOf(cause).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String names(List<TouchpointDocument> touchpoints) {
        return touchpoints.stream().map(t -> quote(t.name())).collect(Collectors.joining(", "));
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }
}
