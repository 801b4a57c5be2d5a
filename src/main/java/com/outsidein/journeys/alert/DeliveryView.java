package com.outsidein.journeys.alert;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message of a subscription and what became of it. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(description = "The webhook-id header: the same on every attempt", example = "msg_2f7d6a1b9e10c4za8q3w5e7r") String id,
        @Schema(example = "journey.gaps_opened") String type,
        @Schema(enumeration = { "PENDING", "DELIVERED", "FAILED" }) String status,
        int attempts, Integer lastStatus, String lastError, OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt, OffsetDateTime deliveredAt) {

    /** A page of deliveries, newest first. */
    @Schema(name = "WebhookDeliveryPage")
    public record Page(List<DeliveryView> items, String nextCursor) {
    }
}
