package com.outsidein.journeys.report.live;

import java.time.Instant;
import java.util.Comparator;

import com.outsidein.journeys.progress.ProgressEntries;
import com.outsidein.journeys.report.Rates;
import com.outsidein.journeys.report.TopK;
import com.outsidein.journeys.report.live.LiveReports.LateFollowUp;
import com.outsidein.journeys.report.live.LiveReports.StaleProspect;

/** One partition of the stale report: prospects idle past their step's staleAfter, and follow-ups far past their SLA. */
final class StaleTally {

    static final Comparator<StaleProspect> LONGEST_IDLE = Comparator.comparing(StaleProspect::idleSeconds).reversed()
            .thenComparing(StaleProspect::prospect);
    static final Comparator<LateFollowUp> LATEST = Comparator.comparing(LateFollowUp::slaMultiple).reversed()
            .thenComparing(LateFollowUp::prospect).thenComparing(LateFollowUp::performedAt);

    private final LiveDesign design;
    private final ResponseMatcher matcher;
    private final long now;
    private final double lateFactor;
    final TopK<StaleProspect> stale;
    final TopK<LateFollowUp> late;

    StaleTally(LiveDesign design, long now, double lateFactor, int limit) {
        this.design = design;
        this.matcher = new ResponseMatcher(design);
        this.now = now;
        this.lateFactor = lateFactor;
        this.stale = new TopK<>(LONGEST_IDLE, limit);
        this.late = new TopK<>(LATEST, limit);
    }

    void add(String externalId, long[] entries, long[] actions, long[] touches) {
        LiveDesign.Step current = null;
        for (long entry : entries) {
            if (ProgressEntries.epochSecond(entry) <= now) {
                LiveDesign.Step step = design.steps[ProgressEntries.ref(entry)];
                current = step == null ? current : step;
            }
        }
        long last = LiveReportService.lastEventSecond(entries, actions, touches, now);
        if (current != null && current.staleAfterSeconds() > 0 && now - last > current.staleAfterSeconds()) {
            stale.count();
            stale.offer(new StaleProspect(externalId, current.key(), current.staleAfter(), Instant.ofEpochSecond(last), now - last));
        }
        ResponseMatcher outcomes = matcher.match(actions, touches, now);
        for (int i = 0; i < outcomes.size(); i++) {
            long sla = outcomes.action(i).slaSeconds();
            long responseSeconds = outcomes.responseSeconds(i);
            if (outcomes.answered(i) && sla > 0 && responseSeconds > lateFactor * sla) {
                late.count();
                late.offer(new LateFollowUp(externalId, outcomes.action(i).key(), outcomes.answeredBy(i),
                        Instant.ofEpochSecond(outcomes.performedAt(i)), Instant.ofEpochSecond(outcomes.answeredAt(i)),
                        outcomes.action(i).sla(), responseSeconds, Rates.round((double) responseSeconds / sla)));
            }
        }
    }
}
