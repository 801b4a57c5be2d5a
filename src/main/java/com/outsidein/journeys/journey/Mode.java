package com.outsidein.journeys.journey;

/** Whether a person or a machine delivers a touchpoint. */
public enum Mode {
    HUMAN, AUTOMATED
}
