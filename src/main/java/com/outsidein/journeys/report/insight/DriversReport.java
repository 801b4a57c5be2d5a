package com.outsidein.journeys.report.insight;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What precedes a move from one step to the next: every signal's 2x2 table, its statistics and a verdict. */
@Schema(name = "DriversReport")
public record DriversReport(
        @Schema(example = "risk-software") String journey,
        @Schema(description = "The step whose population is measured", example = "researches-risk") String step,
        @Schema(description = "Entering any of these (in journey order: the next step, and the ones after it while the one before is optional) counts as advancing")
        List<String> advanceTo,
        @Schema(description = "Start of the range of first entries into the step (inclusive)") Instant from,
        @Schema(description = "End of the range (exclusive)") Instant to,
        @Schema(example = "P90D") String window,
        @Schema(description = "Signals with fewer prospects are left out", example = "10") int minCount,
        @Schema(example = "50") int limit,
        @Schema(description = "Prospects whose first entry into the step falls in the range") long population,
        @Schema(description = "Of them, those who advanced within the window") long advanced,
        Double advanceRate,
        @Schema(description = "Attribute signals use the prospects' attributes as they are now, not as they were at the step",
                example = "current") String attributesAsOf,
        @Schema(description = "Attributes with more distinct values than the report tracks; a value first seen after that is not counted")
        List<String> attributesOverValueCap,
        @Schema(description = "Signals with at least minCount prospects, before the limit") long signals,
        @Schema(description = "Sorted by pValue, then lift descending") List<Driver> drivers,
        @Schema(description = "Time of the newest event the report saw") OffsetDateTime dataThrough) {

    /** One signal: an action performed, a touchpoint delivered (at or after the first entry, before advancing), or an attribute value. */
    @Schema(name = "Driver")
    public record Driver(
            @Schema(enumeration = { "ACTION", "TOUCHPOINT", "ATTRIBUTE" }) String kind,
            @Schema(description = "The action or touchpoint key, or the attribute name", example = "asks-to-be-contacted") String key,
            @Schema(description = "The attribute value; absent for actions and touchpoints") String value,
            long with, long advancedWith, long without, long advancedWithout,
            Double rateWith, Double rateWithout,
            @Schema(description = "rateWith / rateWithout; absent when either is missing or rateWithout is 0") Double lift,
            @Schema(description = "Odds ratio, 0.5 added to every cell when one is 0 (Haldane-Anscombe)") double oddsRatio,
            @Schema(description = "Woolf's 95 % interval, low end") double oddsRatioLow,
            @Schema(description = "Woolf's 95 % interval, high end") double oddsRatioHigh,
            @Schema(description = "Fisher's exact test, two-sided") double pValue,
            @Schema(description = "It is a condition of a transition from the step") boolean recorded,
            @Schema(description = "SUPPORTED, UNSUPPORTED (interval includes 1) or CONTRADICTED (interval below 1) for recorded "
                    + "conditions; UNRECORDED_DRIVER (interval above 1), UNRECORDED_BARRIER (below 1) or NO_EVIDENCE otherwise",
                    enumeration = { "SUPPORTED", "UNSUPPORTED", "CONTRADICTED", "UNRECORDED_DRIVER", "UNRECORDED_BARRIER", "NO_EVIDENCE" })
            String verdict) {
    }
}
