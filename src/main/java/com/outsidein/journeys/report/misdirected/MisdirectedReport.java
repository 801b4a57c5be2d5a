package com.outsidein.journeys.report.misdirected;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Deliveries that reached someone the touchpoint excludes, or who had opted out of its channel. */
@Schema(name = "MisdirectedReport")
public record MisdirectedReport(
        @Schema(example = "conference-2026") String journey,
        @Schema(description = "Start of the range of deliveries (inclusive)") Instant from,
        @Schema(description = "End of the range (exclusive)") Instant to,
        @Schema(description = "Time of the newest event received for this journey") OffsetDateTime dataThrough,
        @Schema(description = "Every touchpoint of the design, in design order") List<TouchpointMisdirection> touchpoints) {

    /** One touchpoint's deliveries in the range and how many went to someone they should not have. */
    @Schema(name = "TouchpointMisdirection")
    public record TouchpointMisdirection(
            @Schema(example = "speaker-invitation") String touchpoint,
            String name,
            String step,
            @Schema(example = "EMAIL") String channel,
            @Schema(description = "Accountable team or person; absent when nobody owns it") String owner,
            @Schema(description = "Deliveries in the range", example = "1200") long delivered,
            @Schema(description = "Deliveries that matched a rule or an opt-out (each counted once)", example = "37") long misdirected,
            @Schema(description = "Per exclusion rule, in the design's order: deliveries it matched") List<RuleCount> rules,
            @Schema(description = "Deliveries after the prospect opted out of this channel or of every channel", example = "4") long optedOut,
            @Schema(description = "Up to 20 misdirected deliveries, earliest first") List<Example> examples) {
    }

    /** How many deliveries one exclusion rule matched; a delivery matching several rules counts in each. */
    @Schema(name = "RuleCount")
    public record RuleCount(
            @Schema(description = "The rule's type and what it looks at", example = "ATTRIBUTE_IN role") String rule,
            String note,
            @Schema(example = "33") long misdirected) {
    }

    /** One misdirected delivery and the first rule (or OPTED_OUT) it broke. */
    @Schema(name = "MisdirectedExample")
    public record Example(
            @Schema(example = "crm-7731") String prospect,
            Instant deliveredAt,
            @Schema(example = "ATTRIBUTE_IN role") String rule) {
    }
}
