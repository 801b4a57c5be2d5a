package com.outsidein.journeys.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The design audit of one journey version: open gaps first, acknowledged ones apart. */
@Schema(name = "GapReport")
public record GapReport(
        @Schema(example = "risk-software") String journey,
        @Schema(example = "7") long version,
        Summary summary,
        @Schema(description = "Open gaps: severity, then step order, then subject") List<Gap> gaps,
        @Schema(description = "Gaps the team acknowledged, with the reason") List<Gap> acknowledged) {

    /** Counts of open gaps by severity, and a score from 100 (no open gap) down to 0. */
    @Schema(name = "GapSummary")
    public record Summary(int high, int medium, int low, int acknowledged,
            @Schema(description = "100 - 10 per HIGH - 4 per MEDIUM - 1 per LOW, at least 0", example = "86") int score) {
    }
}
