package com.outsidein.journeys.journey;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of journeys, in key order; pass {@code nextCursor} as {@code cursor} for the next page. */
@Schema(name = "JourneyPage")
public record JourneyPage(List<JourneySummary> items,
        @Schema(description = "Absent on the last page", example = "risk-software") String nextCursor) {
}
