package com.outsidein.journeys.report;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.outsidein.journeys.event.ProgressEntries;

/**
 * DESIGN.md's answering rule for one prospect: an action is answered by the first touchpoint delivered
 * at or after it, among those in its respondedBy (HUMAN ones only when it requires a human); one delivery
 * answers at most one action, the earliest one still waiting that it can answer.
 */
final class ResponseMatcher {

    /** One performed action that expects a response, and its answer if any (answeredAt = -1 while waiting). */
    record Outcome(int actionRef, LiveDesign.Action action, long performedAt, long answeredAt, String answeredBy) {
        boolean answered() {
            return answeredAt >= 0;
        }

        long responseSeconds() {
            return answeredAt - performedAt;
        }

        boolean late() {
            return answered() && action.slaSeconds() >= 0 && responseSeconds() > action.slaSeconds();
        }
    }

    private ResponseMatcher() {
    }

    /** Outcomes of every response-expecting action the prospect performed up to {@code asOf}, in order. */
    static List<Outcome> match(LiveDesign design, long[] actions, long[] touches, long asOf) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Integer> waiting = new ArrayList<>();
        int a = 0;
        int t = 0;
        while (a < actions.length || t < touches.length) {
            long actionAt = a < actions.length ? ProgressEntries.elementSecond(actions[a]) : Long.MAX_VALUE;
            long touchAt = t < touches.length ? ProgressEntries.elementSecond(touches[t]) : Long.MAX_VALUE;
            if (Math.min(actionAt, touchAt) > asOf) {
                break;
            }
            if (actionAt <= touchAt) {
                int ref = ProgressEntries.elementRef(actions[a++]);
                LiveDesign.Action action = design.actions[ref];
                if (action != null && action.expectsResponse()) {
                    waiting.add(outcomes.size());
                    outcomes.add(new Outcome(ref, action, actionAt, -1, null));
                }
            } else {
                LiveDesign.Touch touch = design.touches[ProgressEntries.elementRef(touches[t++])];
                for (Iterator<Integer> it = waiting.iterator(); it.hasNext();) {
                    int index = it.next();
                    Outcome open = outcomes.get(index);
                    if (open.action().answerableBy(touch)) {
                        outcomes.set(index, new Outcome(open.actionRef(), open.action(), open.performedAt(), touchAt, touch.key()));
                        it.remove();
                        break;
                    }
                }
            }
        }
        return outcomes;
    }
}
