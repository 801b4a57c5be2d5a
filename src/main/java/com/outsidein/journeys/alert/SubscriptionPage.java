package com.outsidein.journeys.alert;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The team's subscriptions, oldest first. */
@Schema(name = "WebhookSubscriptionPage")
public record SubscriptionPage(List<SubscriptionView> items) {
}
