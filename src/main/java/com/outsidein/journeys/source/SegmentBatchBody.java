package com.outsidein.journeys.source;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's picture of a Segment batch body; the receiver reads the JSON itself ({@link SegmentCalls}). */
@Schema(name = "SegmentBatch", description = "Segment's HTTP API batch: fields this service does not use are accepted and ignored",
        additionalProperties = Schema.True.class, requiredProperties = "batch")
record SegmentBatchBody(
        @Schema(description = "Up to 500 KB of calls, each up to 32 KB") List<SegmentCallBody> batch,
        @Schema(description = "When the sender sent the batch (ISO 8601), used to correct its clock", example = "2026-03-02T09:15:01.250Z") String sentAt,
        @Schema(description = "The sender's library and environment") Map<String, Object> context,
        @Schema(description = "The API key (scope events:write), when it is not sent as HTTP Basic user name") String writeKey) {
}
