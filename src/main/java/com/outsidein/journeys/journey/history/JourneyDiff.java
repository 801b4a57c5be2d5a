package com.outsidein.journeys.journey.history;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed between two versions of a journey: elements added, removed and changed, field by field. */
@Schema(name = "JourneyDiff")
public record JourneyDiff(String journey, long from, long to,
        @Schema(description = "Journey fields first, then steps, touchpoints, actions and transitions; unchanged elements are not listed")
        List<ElementChange> changes) {

    /** One element that is new, gone or different. */
    @Schema(name = "ElementChange")
    public record ElementChange(
            @Schema(enumeration = { "journey", "step", "touchpoint", "action", "transition" }) String element,
            @Schema(description = "The element's key; a transition's is from->to", example = "researches-risk") String key,
            Change change,
            @Schema(description = "For CHANGED: each field that differs, with its value before and after") List<FieldChange> fields) {
    }

    /** How an element differs. */
    public enum Change {
        ADDED, REMOVED, CHANGED
    }

    /** One field's value before and after (absent when the field was not set). */
    @Schema(name = "FieldChange")
    public record FieldChange(@Schema(example = "responseSla") String field, @Schema(example = "PT4H") Object before,
            @Schema(example = "PT2H") Object after) {
    }
}
