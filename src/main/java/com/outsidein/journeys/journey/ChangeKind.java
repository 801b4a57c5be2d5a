package com.outsidein.journeys.journey;

/** The kind of change that made a journey version, as the history lists it. */
public enum ChangeKind {
    CREATED, REPLACED, PATCHED,
    STEP_ADDED, STEP_REPLACED, STEP_PATCHED, STEP_DELETED, STEPS_REORDERED,
    TOUCHPOINT_ADDED, TOUCHPOINT_REPLACED, TOUCHPOINT_PATCHED, TOUCHPOINT_DELETED,
    ACTION_ADDED, ACTION_REPLACED, ACTION_PATCHED, ACTION_DELETED,
    TRANSITION_ADDED, TRANSITION_REPLACED, TRANSITION_PATCHED, TRANSITION_DELETED,
    /** The version existed before the service kept a trail; who made it is not known. */
    UNRECORDED;

    /** Whether the change removes an element: a dangling reference it leaves is then a conflict (409), not bad input. */
    public boolean removal() {
        return name().endsWith("_DELETED");
    }
}
