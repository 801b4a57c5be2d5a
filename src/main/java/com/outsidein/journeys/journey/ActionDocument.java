package com.outsidein.journeys.journey;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.outsidein.journeys.format.Slug;

/** A buyer action as clients read and write it. */
@Schema(name = "BuyerAction", description = "Something the buyer does at a step, perhaps expecting an answer")
public record ActionDocument(
        @Pattern(regexp = Slug.REGEX, message = Slug.MESSAGE)
        @Schema(description = "Required, except in a PUT to the element's own URL, which names it", example = "asks-for-contact") String key,
        @NotBlank @Size(max = 200) @Schema(example = "Ticks 'please have a salesperson contact me'") String name,
        @Size(max = 4000) String description,
        @Schema(defaultValue = "false") Boolean expectsResponse,
        @Size(max = 64) @Schema(description = "ISO-8601 duration", example = "PT4H") String responseSla,
        @Schema(defaultValue = "false") Boolean requiresHuman,
        @Size(max = 50) @Schema(description = "Keys of the touchpoints (any step) that answer this action")
        List<@NotNull @Pattern(regexp = Slug.REGEX, message = Slug.MESSAGE) String> respondedBy) {

    public ActionDocument {
        expectsResponse = expectsResponse != null && expectsResponse;
        requiresHuman = requiresHuman != null && requiresHuman;
        respondedBy = respondedBy == null ? List.of() : respondedBy;
    }

    public ActionDocument withKey(String newKey) {
        return new ActionDocument(newKey, name, description, expectsResponse, responseSla, requiresHuman, respondedBy);
    }
}
