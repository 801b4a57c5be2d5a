package com.outsidein.journeys.journey;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.outsidein.journeys.format.Slug;

/** A touchpoint as clients read and write it. */
@Schema(name = "Touchpoint", description = "How the company meets the buyer at a step")
public record TouchpointDocument(
        @Pattern(regexp = Slug.REGEX, message = Slug.MESSAGE)
        @Schema(description = "Required, except in a PUT to the element's own URL, which names it", example = "sales-callback") String key,
        @NotBlank @Size(max = 200) @Schema(example = "Salesperson calls back") String name,
        @Size(max = 4000) String description,
        @NotNull @Schema(example = "PHONE") Channel channel,
        @NotNull @Schema(example = "HUMAN") Mode mode,
        @Size(max = 200) @Schema(description = "Team or person accountable; empty is a gap", example = "Inside sales") String owner,
        @Schema(description = "Whether someone is really there to deliver it", defaultValue = "true") Boolean staffed,
        // Left out when false or empty, so documents written before touchpoints had an audience read back as written.
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        @Schema(description = "Written to read like a personal note", defaultValue = "false") Boolean looksPersonal,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Valid @Size(max = 50) @Schema(description = "Who must not receive it; a delivery to such a prospect is misdirected")
        List<@NotNull ExclusionDocument> excludes,
        // Left out when empty, so documents written before sources read back as written.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Valid @Size(max = 20)
        @Schema(description = "CDP calls (received at /api/v1/sources/segment) that mean this element's event")
        List<@NotNull SourceEventDocument> sourceEvents) {

    public TouchpointDocument {
        staffed = staffed == null || staffed;
        looksPersonal = looksPersonal != null && looksPersonal;
        excludes = excludes == null ? List.of() : excludes;
        sourceEvents = sourceEvents == null ? List.of() : sourceEvents;
    }

    /** A touchpoint no CDP call maps to. */
    public TouchpointDocument(String key, String name, String description, Channel channel, Mode mode, String owner,
            Boolean staffed, Boolean looksPersonal, List<ExclusionDocument> excludes) {
        this(key, name, description, channel, mode, owner, staffed, looksPersonal, excludes, List.of());
    }

    /** A touchpoint without exclusions that does not look personal. */
    public TouchpointDocument(String key, String name, String description, Channel channel, Mode mode, String owner,
            Boolean staffed) {
        this(key, name, description, channel, mode, owner, staffed, false, List.of());
    }

    /**
     * The record's text as it was before touchpoints had an audience, while they use none of it: gap
     * fingerprints are digests of this text, so acknowledgements made before the upgrade stay valid. Source
     * events are left out for the same reason: which calls feed a touchpoint changes none of its gaps.
     */
    @Override
    public String toString() {
        String text = "TouchpointDocument[key=" + key + ", name=" + name + ", description=" + description + ", channel="
                + channel + ", mode=" + mode + ", owner=" + owner + ", staffed=" + staffed;
        return (looksPersonal || !excludes.isEmpty() ? text + ", looksPersonal=" + looksPersonal + ", excludes=" + excludes
                : text) + "]";
    }

    public TouchpointDocument withKey(String newKey) {
        return new TouchpointDocument(newKey, name, description, channel, mode, owner, staffed, looksPersonal, excludes, sourceEvents);
    }
}
