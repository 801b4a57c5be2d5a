package com.outsidein.journeys.report.live;

import com.outsidein.journeys.report.Durations;

/** One partition of the responses report: per action, what became of each time it was performed in the range. */
final class ResponseTally {

    /** What became of one action's performances: answered in its SLA, late, or not at all, and how fast. */
    static final class Outcomes {
        long performed;
        long inSla;
        long late;
        long unanswered;
        Durations responseTimes;

        void merge(Outcomes other) {
            performed += other.performed;
            inSla += other.inSla;
            late += other.late;
            unanswered += other.unanswered;
            if (other.responseTimes != null) {
                if (responseTimes == null) {
                    responseTimes = new Durations();
                }
                responseTimes.addAll(other.responseTimes);
            }
        }
    }

    private final ResponseMatcher matcher;
    private final long from;
    private final long to;
    private final long asOf;
    final Outcomes[] byActionRef;

    ResponseTally(LiveDesign design, long from, long to, long asOf) {
        this.matcher = new ResponseMatcher(design);
        this.from = from;
        this.to = to;
        this.asOf = asOf;
        byActionRef = new Outcomes[design.actions.length];
        for (int ref = 0; ref < byActionRef.length; ref++) {
            byActionRef[ref] = new Outcomes();
        }
    }

    /** Counts one prospect's actions performed in [from, to), judged as of asOf. */
    void add(String externalId, long[] entries, long[] actions, long[] touches) {
        ResponseMatcher outcomes = matcher.match(actions, touches, asOf);
        for (int i = 0; i < outcomes.size(); i++) {
            long performedAt = outcomes.performedAt(i);
            if (performedAt < from || performedAt >= to) {
                continue;
            }
            Outcomes o = byActionRef[outcomes.actionRef(i)];
            o.performed++;
            if (!outcomes.answered(i)) {
                o.unanswered++;
                continue;
            }
            if (outcomes.late(i)) {
                o.late++;
            } else {
                o.inSla++;
            }
            if (o.responseTimes == null) {
                o.responseTimes = new Durations();
            }
            o.responseTimes.add(outcomes.responseSeconds(i));
        }
    }

    void merge(ResponseTally other) {
        for (int ref = 0; ref < byActionRef.length; ref++) {
            byActionRef[ref].merge(other.byActionRef[ref]);
        }
    }
}
