package com.outsidein.journeys.audit;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A designer's decision to live with a gap, kept while the design element behind it stays the same. */
@Schema(name = "Acknowledgement")
public record Acknowledgement(
        @Schema(example = "unanswered-action.asks-to-be-contacted") String gapId,
        @Schema(example = "Contact requests go to the partner channel until Q3") String reason,
        OffsetDateTime acknowledgedAt,
        @Schema(description = "True when the design changed since: the gap is open again") boolean lapsed) {
}
