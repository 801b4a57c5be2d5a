package com.outsidein.journeys.journey;

/** Whether a transition needs all of its conditions or any one of them. */
public enum Match {
    ALL, ANY
}
