package com.outsidein.journeys.report.conversion;

import com.outsidein.journeys.report.TimeToConvert;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Step conversion of a journey: one funnel, or one per interval bucket and breakdown value. */
@Schema(name = "ConversionReport")
public record ConversionReport(
        @Schema(example = "risk-software") String journey,
        ConversionParameters parameters,
        @Schema(description = "Time of the newest event received for this journey") OffsetDateTime dataThrough,
        List<Funnel> funnels) {

    /** The funnel of one population. */
    @Schema(name = "Funnel")
    public record Funnel(
            @Schema(description = "Start date of the interval bucket (with interval)", example = "2026-03-02") String bucket,
            @Schema(description = "Breakdown attribute value, or (none) (with breakdown)") String segment,
            @Schema(description = "Prospects whose first step-1 entry is in the range (and bucket, and segment)") long population,
            List<StepConversion> steps) {
    }

    /** One step of a funnel. The last step has no next step: its conversion fields are absent. */
    @Schema(name = "StepConversion")
    public record StepConversion(
            @Schema(example = "researches-risk") String step,
            String name,
            boolean optional,
            @Schema(example = "812") long entered,
            @Schema(example = "344") Long converted,
            @Schema(example = "0.4236") Double conversionRate,
            @Schema(description = "entered / entered at step 1", example = "0.812") Double overallRate,
            @Schema(example = "468") Long droppedOff,
            TimeToConvert timeToConvert) {
    }
}
