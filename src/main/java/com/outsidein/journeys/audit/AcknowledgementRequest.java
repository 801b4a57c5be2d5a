package com.outsidein.journeys.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the team accepts a gap for now. */
@Schema(name = "AcknowledgementRequest")
public record AcknowledgementRequest(
        @NotBlank @Size(max = 2000) @Schema(example = "Contact requests go to the partner channel until Q3") String reason) {
}
