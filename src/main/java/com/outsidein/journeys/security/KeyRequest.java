package com.outsidein.journeys.security;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a caller asks for when making a key. */
@Schema(name = "KeyRequest", description = "A new API key of the caller's team")
public record KeyRequest(
        @NotBlank @Size(max = 200) @Schema(example = "CRM nightly sync") String name,
        @NotEmpty @Size(max = 6) @Schema(description = "Scopes the caller's own key holds", example = "[\"events:write\"]")
        List<@NotNull String> scopes,
        @Schema(description = "When the key stops working; none: it works until revoked", example = "2027-06-30T00:00:00Z")
        OffsetDateTime expiresAt,
        @Min(1) @Max(1_000_000) @Schema(description = "Requests per minute for this key; at most the service's limit")
        Integer rateLimit) {
}
