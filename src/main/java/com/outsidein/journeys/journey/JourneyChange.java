package com.outsidein.journeys.journey;

/** A change to a journey: its kind and the element it touched (a key, or {@code from/to} for a transition). */
public record JourneyChange(ChangeKind kind, String subject) {

    public static JourneyChange of(ChangeKind kind, String subject) {
        return new JourneyChange(kind, subject);
    }

    /** A PUT of an element: added when it did not exist, replaced when it did. */
    static JourneyChange put(boolean created, ChangeKind added, ChangeKind replaced, String subject) {
        return new JourneyChange(created ? added : replaced, subject);
    }
}
