package com.outsidein.journeys.journey;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of the journey listing. */
@Schema(name = "JourneySummary")
public record JourneySummary(
        @Schema(example = "risk-software") String key,
        @Schema(example = "Buying risk-management software") String name,
        String segment,
        @Schema(example = "5") int steps,
        @Schema(example = "7") long version,
        OffsetDateTime updatedAt) {
}
