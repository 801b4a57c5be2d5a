package com.outsidein.journeys.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer. */
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(example = "urn:purchase-journeys:problem:validation") String type,
        @Schema(example = "Invalid journey") String title,
        @Schema(example = "422") int status,
        @Schema(example = "2 fields are invalid") String detail,
        List<FieldError> errors,
        @Schema(description = "This request's id, also sent as X-Request-Id and logged with it; quote it when asking for help",
                example = "5f0c6a2e-1c1e-4c8e-9a51-4f1c2a7d9b10") String requestId) {
}
