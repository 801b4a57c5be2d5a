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
        List<@NotNull @Pattern(regexp = Slug.REGEX, message = Slug.MESSAGE) String> respondedBy,
        // Left out when empty, so documents written before sources read back as written.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Valid @Size(max = 20)
        @Schema(description = "CDP calls (received at /api/v1/sources/segment) that mean this element's event")
        List<@NotNull SourceEventDocument> sourceEvents) {

    public ActionDocument {
        expectsResponse = expectsResponse != null && expectsResponse;
        requiresHuman = requiresHuman != null && requiresHuman;
        respondedBy = respondedBy == null ? List.of() : respondedBy;
        sourceEvents = sourceEvents == null ? List.of() : sourceEvents;
    }

    /** An action no CDP call maps to. */
    public ActionDocument(String key, String name, String description, Boolean expectsResponse, String responseSla,
            Boolean requiresHuman, List<String> respondedBy) {
        this(key, name, description, expectsResponse, responseSla, requiresHuman, respondedBy, List.of());
    }

    /**
     * The record's text without its source events: gap fingerprints are digests of this text, and which calls
     * feed an action changes none of its gaps, so acknowledgements stay valid when a mapping is added.
     */
    @Override
    public String toString() {
        return "ActionDocument[key=" + key + ", name=" + name + ", description=" + description + ", expectsResponse="
                + expectsResponse + ", responseSla=" + responseSla + ", requiresHuman=" + requiresHuman + ", respondedBy="
                + respondedBy + "]";
    }

    public ActionDocument withKey(String newKey) {
        return new ActionDocument(newKey, name, description, expectsResponse, responseSla, requiresHuman, respondedBy, sourceEvents);
    }
}
