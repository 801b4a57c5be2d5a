package com.outsidein.journeys.journey;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A transition condition; which fields apply depends on its type. */
@Schema(name = "Condition", description = "ACTION_PERFORMED uses action (and minCount); TOUCHPOINT_RECEIVED uses touchpoint; "
        + "ATTRIBUTE_EQUALS uses attribute and value; TIME_IN_STEP_AT_LEAST uses duration")
public record ConditionDocument(
        @NotNull ConditionType type,
        @Schema(example = "requests-white-paper") String action,
        @Schema(description = "ACTION_PERFORMED only: at least this many times; 1 when absent") Integer minCount,
        String touchpoint,
        @Size(max = 200) String attribute,
        @Size(max = 2000) String value,
        @Size(max = 64) @Schema(description = "ISO-8601 duration", example = "P7D") String duration,
        @Size(max = 2000) String note) {
}
