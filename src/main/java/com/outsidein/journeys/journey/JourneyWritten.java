package com.outsidein.journeys.journey;

import com.outsidein.journeys.security.Caller;

/**
 * Fired inside the transaction of every design write that made a new version, so that what depends on a
 * design change (alerts) is written with it or not at all. {@code before} is null for a new journey.
 */
public record JourneyWritten(Caller caller, String journey, long version, JourneyDocument before, JourneyDocument after) {
}
