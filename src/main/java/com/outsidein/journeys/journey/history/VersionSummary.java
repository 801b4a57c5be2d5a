package com.outsidein.journeys.journey.history;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.outsidein.journeys.journey.ChangeKind;

/** One version of a journey in its history: when, by which key, and what kind of change. */
@Schema(name = "VersionSummary")
public record VersionSummary(
        @Schema(example = "42") long version,
        OffsetDateTime at,
        @Schema(description = "The key that wrote it; absent for versions made before the trail was kept") By by,
        @Schema(example = "STEP_PATCHED") ChangeKind change,
        @Schema(description = "The element changed: a key, or from/to for a transition", example = "decides") String subject) {

    /** The key that wrote a version. */
    @Schema(name = "VersionAuthor")
    public record By(@Schema(example = "k3v9w2m7q1x8c4za") String keyId, @Schema(example = "Designer pipeline") String keyName) {
    }
}
