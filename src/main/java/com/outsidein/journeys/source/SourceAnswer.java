package com.outsidein.journeys.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What came of a source's calls: events stored, events received before, and calls no journey maps. */
@Schema(name = "SourceAnswer")
public record SourceAnswer(
        @Schema(description = "Events stored: a call mapped by elements of several journeys gives one event each", example = "412") int accepted,
        @Schema(description = "Events received before (a re-sent messageId), not counted again", example = "3") int duplicates,
        @Schema(description = "track, page, screen, group and alias calls that no journey maps; identify calls are never ignored (their traits are kept)", example = "85") int ignored) {
}
