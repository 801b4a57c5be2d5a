package com.outsidein.journeys.journey;

/** What a transition condition looks at. */
public enum ConditionType {
    ACTION_PERFORMED, TOUCHPOINT_RECEIVED, ATTRIBUTE_EQUALS, TIME_IN_STEP_AT_LEAST
}
