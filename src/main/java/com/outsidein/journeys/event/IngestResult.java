package com.outsidein.journeys.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many events of a batch were new, and how many had been received before. */
@Schema(name = "IngestResult")
public record IngestResult(@Schema(example = "998") int accepted, @Schema(example = "2") int duplicates) {
}
