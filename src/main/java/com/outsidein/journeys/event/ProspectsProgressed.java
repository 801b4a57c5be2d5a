package com.outsidein.journeys.event;

import java.util.List;

import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.progress.ElementRefs;

/**
 * Fired inside an ingest's transaction once its prospects' progress is merged, so that what follows from new
 * actions and touches (response alerts) is written with them or not at all. {@code changes} lists only the
 * batch's fresh actions and touches: duplicates change nothing.
 */
public record ProspectsProgressed(long teamId, long journeyId, String journeyKey, long journeyVersion, JourneyDocument design,
        ElementRefs refs, List<Change> changes) {

    /** A fresh action or touch of a stored prospect, and when it happened. */
    public record Change(long prospectId, EventType type, String element, long epochSecond) {
    }
}
