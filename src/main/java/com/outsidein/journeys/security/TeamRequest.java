package com.outsidein.journeys.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.outsidein.journeys.format.Slug;

/** A new team. */
@Schema(name = "TeamRequest")
public record TeamRequest(
        @NotNull @Pattern(regexp = Slug.REGEX, message = Slug.MESSAGE) @Schema(example = "risk-sales") String key,
        @NotBlank @Size(max = 200) @Schema(example = "Risk software sales") String name) {
}
