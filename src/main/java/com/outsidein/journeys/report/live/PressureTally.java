package com.outsidein.journeys.report.live;

import java.time.Instant;
import java.util.Comparator;

import com.outsidein.journeys.progress.ProgressEntries;
import com.outsidein.journeys.report.TopK;
import com.outsidein.journeys.report.live.LiveReports.Pressured;

/** One partition of the contact-pressure report: prospects over the cap, and human and automated deliveries per step. */
final class PressureTally {

    static final Comparator<Pressured> WORST_FIRST = Comparator.comparing(Pressured::maxInWindow).reversed()
            .thenComparing(Pressured::prospect);

    /** Deliveries at one step, by who made them. */
    static final class StepDeliveries {
        long human;
        long automated;
    }

    private final LiveDesign design;
    private final long windowSeconds;
    private final int cap;
    final TopK<Pressured> over;
    final StepDeliveries[] byStep;

    PressureTally(LiveDesign design, long windowSeconds, int cap, int limit) {
        this.design = design;
        this.windowSeconds = windowSeconds;
        this.cap = cap;
        this.over = new TopK<>(WORST_FIRST, limit);
        this.byStep = new StepDeliveries[design.stepKeys.size()];
        for (int i = 0; i < byStep.length; i++) {
            byStep[i] = new StepDeliveries();
        }
    }

    /** The most touches in any rolling window (half-open: two touches exactly a window apart do not share one). */
    void add(String externalId, long[] entries, long[] actions, long[] touches) {
        int best = 0;
        long bestStart = 0;
        int lo = 0;
        for (int hi = 0; hi < touches.length; hi++) {
            long at = ProgressEntries.elementSecond(touches[hi]);
            while (ProgressEntries.elementSecond(touches[lo]) <= at - windowSeconds) {
                lo++;
            }
            if (hi - lo + 1 > best) {
                best = hi - lo + 1;
                bestStart = ProgressEntries.elementSecond(touches[lo]);
            }
            LiveDesign.Touch touch = design.touches[ProgressEntries.elementRef(touches[hi])];
            if (touch != null) {
                StepDeliveries step = byStep[touch.stepPosition()];
                if (touch.human()) {
                    step.human++;
                } else {
                    step.automated++;
                }
            }
        }
        if (best > cap) {
            over.count();
            over.offer(new Pressured(externalId, best, Instant.ofEpochSecond(bestStart), touches.length));
        }
    }
}
