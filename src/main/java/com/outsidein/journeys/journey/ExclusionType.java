package com.outsidein.journeys.journey;

/** What a touchpoint's exclusion rule looks at. */
public enum ExclusionType {
    /** The prospect's current attribute is one of the values. */
    ATTRIBUTE_IN,
    /** The prospect entered the step before the delivery. */
    REACHED_STEP,
    /** The prospect performed the action before the delivery. */
    ACTION_PERFORMED
}
