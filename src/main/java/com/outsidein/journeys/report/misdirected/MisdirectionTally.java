package com.outsidein.journeys.report.misdirected;

import java.util.Comparator;

import com.outsidein.journeys.progress.ProgressEntries;
import com.outsidein.journeys.report.TopK;

/**
 * One partition's counts: per touchpoint, deliveries in the range, misdirected ones, matches per rule and
 * per opt-out, and the earliest examples. A rule matches on what happened strictly before the delivery;
 * attributes are the prospect's current ones, as attributes carry no history.
 */
final class MisdirectionTally {

    static final int EXAMPLES = 20;
    /** A misdirected delivery by the prospect's row id; external ids are looked up for the few kept. */
    record Found(long prospectId, long deliveredAt, String rule) {
    }

    static final Comparator<Found> EARLIEST = Comparator.comparingLong(Found::deliveredAt)
            .thenComparingLong(Found::prospectId).thenComparing(Found::rule);
    static final String OPTED_OUT = "OPTED_OUT";

    final AudienceRules rules;
    final long[] delivered;
    final long[] misdirected;
    final long[] optedOut;
    final long[][] perRule;
    final TopK<Found>[] examples;

    @SuppressWarnings("unchecked")
    MisdirectionTally(AudienceRules rules) {
        this.rules = rules;
        int n = rules.inOrder.size();
        delivered = new long[n];
        misdirected = new long[n];
        optedOut = new long[n];
        perRule = new long[n][];
        examples = new TopK[n];
        for (AudienceRules.Touch touch : rules.inOrder) {
            perRule[touch.row()] = new long[touch.rules().size()];
            examples[touch.row()] = new TopK<>(EARLIEST, EXAMPLES);
        }
    }

    /** Counts one prospect's deliveries in [start, end). */
    void add(long prospect, long[] touches, long[] entries, long[] actions, long[] optOuts, String[] attributes,
            long start, long end) {
        for (long packed : touches) {
            long at = ProgressEntries.elementSecond(packed);
            if (at < start) {
                continue;
            }
            if (at >= end) {
                break; // sorted by time
            }
            AudienceRules.Touch touch = rules.touches[ProgressEntries.elementRef(packed)];
            if (touch == null) {
                continue; // a touchpoint no longer in the design
            }
            int row = touch.row();
            delivered[row]++;
            String first = null;
            for (int r = 0; r < touch.rules().size(); r++) {
                AudienceRules.Rule rule = touch.rules().get(r);
                if (matches(rule, entries, actions, attributes, at)) {
                    perRule[row][r]++;
                    if (first == null) {
                        first = rule.source().label();
                    }
                }
            }
            if (optedOutBefore(optOuts, touch.channelCode(), at)) {
                optedOut[row]++;
                if (first == null) {
                    first = OPTED_OUT;
                }
            }
            if (first != null) {
                misdirected[row]++;
                TopK<Found> page = examples[row];
                page.count();
                Found example = new Found(prospect, at, first);
                if (page.wouldKeep(example)) {
                    page.offer(example);
                }
            }
        }
    }

    private static boolean matches(AudienceRules.Rule rule, long[] entries, long[] actions, String[] attributes, long at) {
        return switch (rule.source().type()) {
            case ATTRIBUTE_IN -> attributes[rule.attributeColumn()] != null
                    && rule.values().contains(attributes[rule.attributeColumn()]);
            case REACHED_STEP -> happenedBefore(entries, true, rule.stepRef(), at);
            case ACTION_PERFORMED -> happenedBefore(actions, false, rule.actionRef(), at);
        };
    }

    /** Whether the sorted packed progress holds the ref strictly before {@code at}: step entries, or actions. */
    private static boolean happenedBefore(long[] packed, boolean stepEntries, int ref, long at) {
        for (long value : packed) {
            long second = stepEntries ? ProgressEntries.epochSecond(value) : ProgressEntries.elementSecond(value);
            if (second >= at) {
                return false;
            }
            if ((stepEntries ? ProgressEntries.ref(value) : ProgressEntries.elementRef(value)) == ref) {
                return true;
            }
        }
        return false;
    }

    /** An opt-out of this channel, or of every channel (code 0), strictly before the delivery. */
    private static boolean optedOutBefore(long[] optOuts, int channelCode, long at) {
        for (long optOut : optOuts) {
            if (ProgressEntries.elementSecond(optOut) >= at) {
                return false;
            }
            int code = ProgressEntries.elementRef(optOut);
            if (code == 0 || code == channelCode) {
                return true;
            }
        }
        return false;
    }

    void merge(MisdirectionTally other) {
        for (int row = 0; row < delivered.length; row++) {
            delivered[row] += other.delivered[row];
            misdirected[row] += other.misdirected[row];
            optedOut[row] += other.optedOut[row];
            for (int r = 0; r < perRule[row].length; r++) {
                perRule[row][r] += other.perRule[row][r];
            }
        }
    }
}
