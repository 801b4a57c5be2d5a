package com.outsidein.journeys.journey;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A transition between two steps with the conditions that make a prospect move. */
@Schema(name = "Transition")
public record TransitionDocument(
        @Schema(description = "Required, except in a PUT to the transition's own URL", example = "recognises-risk") String from,
        @Schema(description = "Required, except in a PUT to the transition's own URL", example = "explores-solutions") String to,
        @Schema(defaultValue = "ALL") Match match,
        @Size(max = 4000) String description,
        @Size(max = 100) List<@NotNull @Valid ConditionDocument> conditions) {

    public TransitionDocument {
        match = match == null ? Match.ALL : match;
        conditions = conditions == null ? List.of() : conditions;
    }

    public TransitionDocument withEnds(String newFrom, String newTo) {
        return new TransitionDocument(newFrom, newTo, match, description, conditions);
    }

    public boolean connects(String fromKey, String toKey) {
        return from.equals(fromKey) && to.equals(toKey);
    }
}
