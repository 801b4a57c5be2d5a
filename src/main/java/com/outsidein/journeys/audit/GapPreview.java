package com.outsidein.journeys.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The gaps a proposed document would have, and which are new or resolved against the stored version. */
@Schema(name = "GapPreview")
public record GapPreview(
        String journey,
        @Schema(description = "The stored version compared with; absent for a journey not stored yet") Long basedOnVersion,
        GapReport.Summary summary,
        @Schema(description = "Open gaps of the proposal") List<Gap> gaps,
        @Schema(description = "Gaps of the proposal still covered by an acknowledgement") List<Gap> acknowledged,
        @Schema(description = "Ids of the proposal's gaps the stored version does not have (all of them for a new journey)")
        List<String> newGaps,
        @Schema(description = "Ids of the stored version's gaps the proposal no longer has") List<String> resolvedGaps) {
}
