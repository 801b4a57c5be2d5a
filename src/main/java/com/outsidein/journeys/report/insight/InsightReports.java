package com.outsidein.journeys.report.insight;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answers of the transition-evidence and data-quality reports. */
public final class InsightReports {

    private InsightReports() {
    }

    /** Which recorded conditions really precede a move, per transition. */
    @Schema(name = "TransitionReport")
    public record TransitionReport(String journey, java.time.Instant asOf, List<TransitionEvidence> transitions) {
    }

    /** One transition: the prospects who were in its from step, how many moved on, and each condition's evidence. */
    @Schema(name = "TransitionEvidence")
    public record TransitionEvidence(String from, String to, String match, long inFromStep, long advanced,
            @Schema(description = "The transition's conditions taken together (ALL or ANY)") ConditionEvidence combined,
            List<ConditionEvidence> conditions) {
    }

    /** Evidence for one condition: advance rates of those who met it and those who did not, and the lift. */
    @Schema(name = "ConditionEvidence")
    public record ConditionEvidence(@Schema(example = "ACTION_PERFORMED asks-to-be-contacted") String condition,
            String note, long met, long notMet,
            @Schema(description = "Share of those who met it that reached the to step") Double advanceRateMet,
            @Schema(description = "Share of those who did not meet it that reached the to step") Double advanceRateNotMet,
            @Schema(description = "advanceRateMet / advanceRateNotMet") Double lift) {
    }

    /** Probable duplicate people and mangled attribute values. */
    @Schema(name = "DataQualityReport")
    public record DataQualityReport(String journey, long duplicateGroups, List<DuplicateGroup> duplicates, long mangledValues,
            List<MangledValue> mangled) {
    }

    /** Prospects whose email or name is the same after normalising case, spacing and dots. */
    @Schema(name = "DuplicateGroup")
    public record DuplicateGroup(@Schema(example = "email") String attribute, @Schema(example = "annlee@insurerexample") String normalized,
            List<String> prospects) {
    }

    /** A value whose casing looks inverted by a form (caps lock on), with the likely intended value. */
    @Schema(name = "MangledValue")
    public record MangledValue(String prospect, String attribute, @Schema(example = "dAVE bROCK") String value,
            @Schema(example = "Dave Brock") String suggestion) {
    }
}
