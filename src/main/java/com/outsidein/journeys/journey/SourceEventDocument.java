package com.outsidein.journeys.journey;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A CDP call that means this element's event: a {@code track} event or {@code page} name, and properties that must all equal. */
@Schema(name = "SourceEvent", description = "A Segment-format call that becomes this element's event (STEP_ENTERED, ACTION_PERFORMED "
        + "or TOUCHPOINT_DELIVERED) when received at /api/v1/sources/segment: a track call's event or a page call's name, "
        + "and properties that must all equal the given text (numbers and booleans compare as their JSON text)")
public record SourceEventDocument(
        @NotNull @Schema(example = "TRACK") SourceCallType type,
        @NotBlank @Size(max = 200) @Schema(description = "The track call's event, or the page call's name", example = "Whitepaper Requested") String name,
        @Size(max = 20) @Schema(description = "Top-level properties the call must carry with exactly these values", example = "{\"contact_me\": \"true\"}")
        Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 1000) String> where) {

    public SourceEventDocument {
        // Sorted, so a claim reads and compares the same however the client ordered its properties.
        where = where == null || where.isEmpty() ? null : new TreeMap<>(where);
    }

    /** The properties to match; empty when any call of that name will do. */
    public Map<String, String> properties() {
        return where == null ? Map.of() : where;
    }

    /** How a problem or the map names the claimed call, e.g. {@code track "Whitepaper Requested" {contact_me: true}}. */
    public String label() {
        String call = type.name().toLowerCase(java.util.Locale.ROOT) + " \"" + name + "\"";
        return where == null ? call
                : call + " " + where.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", ", "{", "}"));
    }
}
