package com.outsidein.journeys.report.live;

import java.time.Instant;
import java.util.Comparator;

import com.outsidein.journeys.report.TopK;
import com.outsidein.journeys.report.live.LiveReports.OpenAction;

/**
 * One partition of the open-responses report: only the oldest page-plus-one waiting actions after the cursor, so a
 * page, and whether there is another, come without building or sorting every open action of a million prospects.
 */
final class OpenTally {

    static final Comparator<OpenAction> OLDEST_FIRST = Comparator.comparing(OpenAction::performedAt)
            .thenComparing(OpenAction::prospect).thenComparing(OpenAction::action);

    private final ResponseMatcher matcher;
    private final long asOf;
    private final OpenAction after;
    final TopK<OpenAction> page;

    OpenTally(LiveDesign design, long asOf, OpenAction after, int capacity) {
        this.matcher = new ResponseMatcher(design);
        this.asOf = asOf;
        this.after = after;
        this.page = new TopK<>(OLDEST_FIRST, capacity);
    }

    void add(String externalId, long[] entries, long[] actions, long[] touches) {
        ResponseMatcher outcomes = matcher.match(actions, touches, asOf);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.answered(i)) {
                continue;
            }
            page.count();
            long performedAt = outcomes.performedAt(i);
            // Cheap test first: most waiting actions are younger than the page's newest.
            if (page.isFull() && performedAt > page.worst().performedAt().getEpochSecond()) {
                continue;
            }
            LiveDesign.Action action = outcomes.action(i);
            OpenAction probe = new OpenAction(externalId, action.key(), null, Instant.ofEpochSecond(performedAt), null, null,
                    null, null);
            if ((after != null && OLDEST_FIRST.compare(probe, after) <= 0) || !page.wouldKeep(probe)) {
                continue;
            }
            long sla = action.slaSeconds();
            Instant due = sla < 0 ? null : Instant.ofEpochSecond(performedAt + sla);
            page.offer(new OpenAction(externalId, action.key(), action.step(), probe.performedAt(), action.sla(), due,
                    due == null ? null : asOf - due.getEpochSecond(), action.owners()));
        }
    }
}
