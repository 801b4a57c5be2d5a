package com.outsidein.journeys.audit;

/** The kinds of design gap the audit finds, each with its fixed severity. */
public enum GapType {
    /** An action that expects a response has no touchpoint answering it. */
    UNANSWERED_ACTION(Severity.HIGH),
    /** A touchpoint that answers an action has no owner. */
    UNOWNED_RESPONSE(Severity.HIGH),
    /** A touchpoint that answers an action is not staffed. */
    UNSTAFFED_RESPONSE(Severity.HIGH),
    /** An action that needs a person is answered only by automation. */
    AUTOMATED_ONLY_RESPONSE(Severity.HIGH),
    /** An action that expects a response has no response time. */
    MISSING_SLA(Severity.MEDIUM),
    /** An automated touchpoint written to look like a personal note. */
    DISGUISED_AUTOMATION(Severity.MEDIUM),
    /** A step reached only by automation. */
    NO_HUMAN_TOUCHPOINT(Severity.MEDIUM),
    /** A step with no touchpoint at all. */
    EMPTY_STEP(Severity.MEDIUM),
    /** Consecutive steps with no transition, or a transition with no recorded condition. */
    UNDEFINED_TRANSITION(Severity.MEDIUM),
    /** A step named from the seller's side. */
    INSIDE_OUT_STEP(Severity.LOW),
    /** An automated broadcast touchpoint that excludes nobody. */
    UNTARGETED_AUTOMATION(Severity.LOW);

    private final Severity severity;

    GapType(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The gap-id prefix: the type in lower-case kebab form. */
    public String idPrefix() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
