package com.outsidein.journeys.journey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.outsidein.journeys.common.Slug;

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
        @Schema(description = "Whether someone is really there to deliver it", defaultValue = "true") Boolean staffed) {

    public TouchpointDocument {
        staffed = staffed == null || staffed;
    }

    public TouchpointDocument withKey(String newKey) {
        return new TouchpointDocument(newKey, name, description, channel, mode, owner, staffed);
    }
}
