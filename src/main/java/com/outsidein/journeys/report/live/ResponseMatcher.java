package com.outsidein.journeys.report.live;

import java.util.Arrays;

import com.outsidein.journeys.progress.ProgressEntries;

/**
 * DESIGN.md's answering rule for one prospect: an action is answered by the first touchpoint delivered
 * at or after it, among those in its respondedBy (HUMAN ones only when it requires a human); one delivery
 * answers at most one action, the earliest one still waiting that it can answer.
 *
 * <p>A report matches a million prospects, so outcomes go into primitive arrays that one partition
 * reuses from prospect to prospect instead of objects per action. Alerts match with it too, so that an alert and
 * the open-responses report never disagree about what is open.
 */
public final class ResponseMatcher {

    private final LiveDesign design;
    private int size;
    private int[] actionRefs = new int[16];
    private long[] performedAt = new long[16];
    private long[] answeredAt = new long[16];
    private int[] answeredByRefs = new int[16];
    private int[] waiting = new int[16];

    public ResponseMatcher(LiveDesign design) {
        this.design = design;
    }

    /**
     * Matches one prospect's response-expecting actions performed up to {@code asOf}; the outcomes are
     * then read by index, in the order the actions were performed, until the next call.
     */
    public ResponseMatcher match(long[] actions, long[] touches, long asOf) {
        size = 0;
        int waitingCount = 0;
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
                    grow();
                    actionRefs[size] = ref;
                    performedAt[size] = actionAt;
                    answeredAt[size] = -1;
                    answeredByRefs[size] = -1;
                    waiting[waitingCount++] = size++;
                }
            } else {
                int touchRef = ProgressEntries.elementRef(touches[t++]);
                for (int w = 0; w < waitingCount; w++) {
                    int index = waiting[w];
                    if (design.actions[actionRefs[index]].answerableBy(touchRef)) {
                        answeredAt[index] = touchAt;
                        answeredByRefs[index] = touchRef;
                        System.arraycopy(waiting, w + 1, waiting, w, waitingCount - w - 1);
                        waitingCount--;
                        break;
                    }
                }
            }
        }
        return this;
    }

    private void grow() {
        if (size == actionRefs.length) {
            int capacity = size * 2;
            actionRefs = Arrays.copyOf(actionRefs, capacity);
            performedAt = Arrays.copyOf(performedAt, capacity);
            answeredAt = Arrays.copyOf(answeredAt, capacity);
            answeredByRefs = Arrays.copyOf(answeredByRefs, capacity);
            waiting = Arrays.copyOf(waiting, capacity);
        }
    }

    public int size() {
        return size;
    }

    public int actionRef(int i) {
        return actionRefs[i];
    }

    public LiveDesign.Action action(int i) {
        return design.actions[actionRefs[i]];
    }

    public long performedAt(int i) {
        return performedAt[i];
    }

    public boolean answered(int i) {
        return answeredAt[i] >= 0;
    }

    public long answeredAt(int i) {
        return answeredAt[i];
    }

    /** Key of the touchpoint that answered, or null; a ref no longer in the design answers nothing. */
    public String answeredBy(int i) {
        return answered(i) ? design.touches[answeredByRefs[i]].key() : null;
    }

    public long responseSeconds(int i) {
        return answeredAt[i] - performedAt[i];
    }

    public boolean late(int i) {
        long sla = action(i).slaSeconds();
        return answered(i) && sla >= 0 && responseSeconds(i) > sla;
    }
}
