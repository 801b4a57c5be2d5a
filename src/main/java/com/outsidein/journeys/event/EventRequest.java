package com.outsidein.journeys.event;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One prospect event as a client sends it. Fields stay text so that a bad value is reported by its
 * index in the batch (422) instead of failing the whole body as malformed JSON.
 */
@Schema(name = "Event")
public record EventRequest(
        @Schema(description = "Client-chosen UUID, idempotent within its prospect: the same prospect and id again is a duplicate, with other content a 422; the same id for another prospect is another event", example = "5f0c6c1e-3b8e-4c8e-9d1a-2f7d6a1b9e10") String id,
        @Schema(description = "The prospect's id in the client's CRM", example = "crm-004211") String prospect,
        @Schema(enumeration = { "STEP_ENTERED", "ACTION_PERFORMED", "TOUCHPOINT_DELIVERED", "OPTED_OUT" }, example = "ACTION_PERFORMED") String type,
        @Schema(description = "Step key, for STEP_ENTERED") String step,
        @Schema(description = "Action key, for ACTION_PERFORMED", example = "asks-to-be-contacted") String action,
        @Schema(description = "Touchpoint key, for TOUCHPOINT_DELIVERED") String touchpoint,
        @Schema(description = "For OPTED_OUT only: the channel the prospect wants nothing more from; absent means every channel",
                enumeration = { "EMAIL", "WEBINAR", "WHITE_PAPER", "LANDING_PAGE", "LIVE_CHAT", "PHONE", "SALES_CALL", "MEETING",
                        "EVENT", "NEWSLETTER", "SOCIAL", "DIRECT_MAIL", "OTHER" }, example = "EMAIL") String channel,
        @Schema(description = "RFC 3339 time with offset", example = "2026-03-02T09:15:00Z") String occurredAt,
        @Schema(description = "Prospect attributes as of this event; later events update them") Map<String, String> attributes) {
}
