package com.outsidein.journeys.journey;

/** The kinds of CDP call a journey element can claim: a Segment {@code track} (by event) or {@code page} (by name). */
public enum SourceCallType {
    TRACK, PAGE
}
