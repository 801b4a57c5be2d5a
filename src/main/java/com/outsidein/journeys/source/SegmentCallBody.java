package com.outsidein.journeys.source;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's picture of one Segment call; the receiver reads the JSON itself ({@link SegmentCalls}). */
@Schema(name = "SegmentCall", description = "A Segment identify, track or page call (screen, group and alias are accepted and "
        + "ignored); fields this service does not use are accepted and ignored", additionalProperties = Schema.True.class)
record SegmentCallBody(
        @Schema(description = "In a batch; the path gives it for /v1/track, /v1/identify and /v1/page",
                enumeration = { "identify", "track", "page", "screen", "group", "alias" }, example = "track") String type,
        @Schema(description = "The prospect; anonymousId is used when there is none", example = "crm-004211") String userId,
        @Schema(description = "The prospect when there is no userId", example = "5c0d8c0e-anon") String anonymousId,
        @Schema(description = "A track call's event, matched against sourceEvents of type TRACK", example = "Whitepaper Requested") String event,
        @Schema(description = "A page call's name, matched against sourceEvents of type PAGE", example = "Pricing") String name,
        @Schema(description = "Matched against a sourceEvent's where", example = "{\"contact_me\": \"true\"}") Map<String, Object> properties,
        @Schema(description = "identify only: kept per person, they become the prospect's attributes in every journey") Map<String, Object> traits,
        @Schema(description = "context.traits are kept like identify traits") Map<String, Object> context,
        @Schema(description = "When it happened (ISO 8601); corrected by sentAt - receivedAt", example = "2026-03-02T09:15:00.000Z") String timestamp,
        @Schema(description = "When this call was sent, when it differs from the batch's sentAt") String sentAt,
        @Schema(description = "Makes the event id: a re-sent call is a duplicate", example = "ajs-next-1741b2b4c3") String messageId) {
}
