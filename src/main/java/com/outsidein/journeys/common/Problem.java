package com.outsidein.journeys.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer. */
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(example = "urn:purchase-journeys:problem:validation") String type,
        @Schema(example = "Invalid journey") String title,
        @Schema(example = "422") int status,
        @Schema(example = "2 fields are invalid") String detail,
        List<FieldError> errors) {
}
