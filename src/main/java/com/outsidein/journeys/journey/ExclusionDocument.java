package com.outsidein.journeys.journey;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who must not receive a touchpoint; which fields apply depends on the type. */
@Schema(name = "Exclusion", description = "ATTRIBUTE_IN uses attribute and values (the prospect's current attribute is one "
        + "of them); REACHED_STEP uses step (entered before the delivery); ACTION_PERFORMED uses action (performed "
        + "before the delivery)")
public record ExclusionDocument(
        @NotNull ExclusionType type,
        @Size(max = 100) @Schema(example = "role") String attribute,
        @Size(max = 100) @Schema(example = "[\"speaker\", \"employee\"]") List<@NotNull @Size(max = 1000) String> values,
        @Schema(example = "signs-contract") String step,
        @Schema(example = "registers") String action,
        @Size(max = 2000) @Schema(example = "No 'please register' after registering") String note) {

    /** Generated clients send {@code values: []} on every rule; an empty list means the same as none. */
    public ExclusionDocument {
        values = values == null || values.isEmpty() ? null : values;
    }

    /** The rule as a report names it: its type and what it looks at, e.g. {@code ATTRIBUTE_IN role}. */
    public String label() {
        return type + " " + switch (type) {
            case ATTRIBUTE_IN -> attribute;
            case REACHED_STEP -> step;
            case ACTION_PERFORMED -> action;
        };
    }
}
