package com.outsidein.journeys.report.live;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of the live-gap reports: responses, open responses, contact pressure, stale prospects. */
public final class LiveReports {

    private LiveReports() {
    }

    /** Response performance per buyer action that expects a response. */
    @Schema(name = "ResponseReport")
    public record ResponseReport(String journey, Instant from, Instant to, Instant asOf, List<ActionResponses> actions) {
    }

    /** How one action was answered over the range (actions performed in [from, to)). */
    @Schema(name = "ActionResponses")
    public record ActionResponses(@Schema(example = "asks-to-be-contacted") String action, String step,
            @Schema(example = "P1D") String responseSla, @Schema(description = "Owners of the touchpoints that answer it") List<String> owners,
            long performed, long answeredInSla, long answeredLate, long unanswered,
            @Schema(description = "Seconds from action to answer, nearest-rank, over answered actions") Long responseP50,
            Long responseP90) {
    }

    /** The dropped balls: actions still waiting for their answer, oldest first. */
    @Schema(name = "OpenResponses")
    public record OpenResponses(String journey, Instant asOf, long total, List<OpenAction> items, String nextCursor) {
    }

    /** One action still waiting. */
    @Schema(name = "OpenAction")
    public record OpenAction(String prospect, String action, String step, Instant performedAt, String responseSla,
            @Schema(description = "performedAt + responseSla; absent without an SLA") Instant dueAt,
            @Schema(description = "Seconds past the SLA at asOf; negative while still within it") Long overdueSeconds,
            @Schema(description = "Who owns the answer; empty when nobody does") List<String> owners) {
    }

    /** Prospects touched more than cap times in a rolling window, and the human share per step. */
    @Schema(name = "ContactPressureReport")
    public record ContactPressureReport(String journey, String window, int cap, long total, List<Pressured> prospects,
            List<StepMix> steps) {
    }

    /** A prospect over the cap: the most touches in one window, when that window starts, and all touches. */
    @Schema(name = "Pressured")
    public record Pressured(String prospect, int maxInWindow, Instant windowStart, int touches) {
    }

    /** Touchpoints delivered at a step, human against automated. */
    @Schema(name = "StepMix")
    public record StepMix(String step, long human, long automated,
            @Schema(description = "human / automated; absent when nothing automated was delivered") Double humanToAutomated) {
    }

    /** Prospects idle too long in their step, and follow-ups that came far too late. */
    @Schema(name = "StaleReport")
    public record StaleReport(String journey, Instant asOf, double lateFactor, long staleTotal, List<StaleProspect> stale,
            long lateTotal, List<LateFollowUp> lateFollowUps) {
    }

    /** A prospect with no event for longer than its step's staleAfter. */
    @Schema(name = "StaleProspect")
    public record StaleProspect(String prospect, String step, String staleAfter, Instant idleSince, long idleSeconds) {
    }

    /** A response delivered more than lateFactor times its SLA after the action. */
    @Schema(name = "LateFollowUp")
    public record LateFollowUp(String prospect, String action, String answeredBy, Instant performedAt, Instant answeredAt,
            String responseSla, long responseSeconds, double slaMultiple) {
    }
}
