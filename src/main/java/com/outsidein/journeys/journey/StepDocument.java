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

/** A step with its touchpoints and buyer actions, as clients read and write it. */
@Schema(name = "Step", description = "A step of the buyer's journey, named from the buyer's side")
public record StepDocument(
        @Pattern(regexp = Slug.REGEX, message = Slug.MESSAGE)
        @Schema(description = "Required, except in a PUT to the element's own URL, which names it", example = "recognises-risk") String key,
        @NotBlank @Size(max = 200) @Schema(example = "Recognises a risk exposure") String name,
        @Size(max = 4000) String description,
        @Size(max = 2000) @Schema(example = "Understand how exposed the firm is") String buyerGoal,
        @Schema(defaultValue = "false") Boolean optional,
        @Size(max = 64) @Schema(description = "ISO-8601 duration after which an idle prospect is stale", example = "P30D") String staleAfter,
        @Size(max = 500) List<@NotNull @Valid TouchpointDocument> touchpoints,
        @Size(max = 500) List<@NotNull @Valid ActionDocument> actions,
        // Left out when empty, so documents written before sources read back as written.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Valid @Size(max = 20)
        @Schema(description = "CDP calls (received at /api/v1/sources/segment) that mean this element's event")
        List<@NotNull SourceEventDocument> sourceEvents) {

    public StepDocument {
        optional = optional != null && optional;
        touchpoints = touchpoints == null ? List.of() : touchpoints;
        actions = actions == null ? List.of() : actions;
        sourceEvents = sourceEvents == null ? List.of() : sourceEvents;
    }

    /** A step no CDP call maps to. */
    public StepDocument(String key, String name, String description, String buyerGoal, Boolean optional, String staleAfter,
            List<TouchpointDocument> touchpoints, List<ActionDocument> actions) {
        this(key, name, description, buyerGoal, optional, staleAfter, touchpoints, actions, List.of());
    }

    /** The record's text without its source events: gap fingerprints are digests of it (see ActionDocument). */
    @Override
    public String toString() {
        return "StepDocument[key=" + key + ", name=" + name + ", description=" + description + ", buyerGoal=" + buyerGoal
                + ", optional=" + optional + ", staleAfter=" + staleAfter + ", touchpoints=" + touchpoints + ", actions="
                + actions + "]";
    }

    public StepDocument withKey(String newKey) {
        return new StepDocument(newKey, name, description, buyerGoal, optional, staleAfter, touchpoints, actions, sourceEvents);
    }

    public StepDocument withTouchpoints(List<TouchpointDocument> newTouchpoints) {
        return new StepDocument(key, name, description, buyerGoal, optional, staleAfter, newTouchpoints, actions, sourceEvents);
    }

    public StepDocument withActions(List<ActionDocument> newActions) {
        return new StepDocument(key, name, description, buyerGoal, optional, staleAfter, touchpoints, newActions, sourceEvents);
    }
}
