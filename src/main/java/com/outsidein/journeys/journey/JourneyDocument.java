package com.outsidein.journeys.journey;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.outsidein.journeys.format.Slug;

/** The whole journey document: what a designer PUTs and GETs back (journey-as-code). */
@Schema(name = "Journey", description = "A whole journey: steps with touchpoints and actions, and transitions")
public record JourneyDocument(
        @Pattern(regexp = Slug.REGEX, message = Slug.MESSAGE)
        @Schema(description = "Optional in a PUT body; must equal the key in the path", example = "risk-software") String key,
        @NotBlank @Size(max = 200) @Schema(example = "Buying risk-management software") String name,
        @Size(max = 4000) String description,
        @Size(max = 2000) @Schema(example = "Risk officers at mid-size insurers") String segment,
        @Schema(description = "Read-only version; in a PUT body it is checked like If-Match", example = "7") Long version,
        @Size(max = 100) List<@NotNull @Valid StepDocument> steps,
        @Size(max = 1000) List<@NotNull @Valid TransitionDocument> transitions) {

    public JourneyDocument {
        steps = steps == null ? List.of() : steps;
        transitions = transitions == null ? List.of() : transitions;
    }

    public JourneyDocument withIdentity(String newKey, Long newVersion) {
        return new JourneyDocument(newKey, name, description, segment, newVersion, steps, transitions);
    }

    public JourneyDocument withSteps(List<StepDocument> newSteps) {
        return new JourneyDocument(key, name, description, segment, version, newSteps, transitions);
    }

    public JourneyDocument withTransitions(List<TransitionDocument> newTransitions) {
        return new JourneyDocument(key, name, description, segment, version, steps, newTransitions);
    }

    public Optional<StepDocument> step(String stepKey) {
        return steps.stream().filter(s -> s.key().equals(stepKey)).findFirst();
    }
}
