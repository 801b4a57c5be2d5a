package com.outsidein.journeys.alert;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the team reads it; its secret only in the answer that made or rotated it. */
@Schema(name = "WebhookSubscription")
public record SubscriptionView(
        @Schema(example = "wh_4k2m9q7x1c8v3b6n") String id,
        String url, String description, List<String> types, List<String> journeys, List<String> owners, String warnBefore,
        String format,
        @Schema(description = "false once disabled (a 410 answer, or every message failing for P5D)") boolean enabled,
        OffsetDateTime disabledAt, String disabledReason,
        @Schema(description = "Since when every attempt has failed; absent while deliveries succeed") OffsetDateTime failingSince,
        @Schema(description = "Until when the previous secret still signs beside the current one") OffsetDateTime previousSecretUntil,
        OffsetDateTime createdAt, OffsetDateTime updatedAt,
        @Schema(description = "Only when made or rotated: whsec_ and base64 of 24 random bytes; shown this once") String secret) {

    SubscriptionView withSecret(String newSecret) {
        return new SubscriptionView(id, url, description, types, journeys, owners, warnBefore, format, enabled, disabledAt,
                disabledReason, failingSince, previousSecretUntil, createdAt, updatedAt, newSecret);
    }
}
