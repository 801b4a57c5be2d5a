package com.outsidein.journeys.alert;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.outsidein.journeys.format.Slug;

/** A webhook subscription as a team asks for it. */
@Schema(name = "WebhookSubscriptionRequest")
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "https, public address (checked again at each send)",
                example = "https://hooks.example.com/journeys") String url,
        @Size(max = 2000) @Schema(example = "Inside sales channel") String description,
        @NotEmpty @Size(max = 4) @Schema(description = "Any of response.due_soon (needs warnBefore), response.overdue, response.resolved "
                + "(an overdue action answered) and journey.gaps_opened", example = "[\"response.overdue\", \"response.resolved\"]")
        List<@NotNull String> types,
        @Size(max = 100) @Schema(description = "Only these journeys; none: every journey of the team")
        List<@NotNull @Pattern(regexp = Slug.REGEX, message = Slug.MESSAGE) String> journeys,
        @Size(max = 100) @Schema(description = "Only actions these owners answer (as the open-responses report names them); none: every action")
        List<@NotNull @Size(max = 200) String> owners,
        @Size(max = 64) @Schema(description = "ISO-8601 duration before an SLA ends to send response.due_soon; required with it", example = "PT2H") String warnBefore,
        @Pattern(regexp = "standard|slack", message = "must be standard or slack")
        @Schema(description = "standard: {type, timestamp, data}; slack: {text} for Slack, Mattermost and Teams incoming webhooks",
                defaultValue = "standard") String format,
        @Schema(description = "false pauses deliveries; true re-enables a subscription that was disabled (a 410, or P5D of failures)",
                defaultValue = "true") Boolean enabled) {

    public SubscriptionRequest {
        journeys = journeys == null ? List.of() : journeys;
        owners = owners == null ? List.of() : owners;
        format = format == null ? "standard" : format;
        enabled = enabled == null || enabled;
    }
}
