package com.outsidein.journeys.audit;

/** How badly a gap lets the buyer down; reports list HIGH first. */
public enum Severity {
    HIGH, MEDIUM, LOW
}
