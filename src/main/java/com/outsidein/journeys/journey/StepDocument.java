package com.outsidein.journeys.journey;

import java.util.List;

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
        @Size(max = 500) List<@NotNull @Valid ActionDocument> actions) {

    public StepDocument {
        optional = optional != null && optional;
        touchpoints = touchpoints == null ? List.of() : touchpoints;
        actions = actions == null ? List.of() : actions;
    }

    public StepDocument withKey(String newKey) {
        return new StepDocument(newKey, name, description, buyerGoal, optional, staleAfter, touchpoints, actions);
    }

    public StepDocument withTouchpoints(List<TouchpointDocument> newTouchpoints) {
        return new StepDocument(key, name, description, buyerGoal, optional, staleAfter, newTouchpoints, actions);
    }

    public StepDocument withActions(List<ActionDocument> newActions) {
        return new StepDocument(key, name, description, buyerGoal, optional, staleAfter, touchpoints, newActions);
    }
}
