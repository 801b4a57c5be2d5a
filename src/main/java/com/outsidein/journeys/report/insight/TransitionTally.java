package com.outsidein.journeys.report.insight;

import java.util.List;
import java.util.Map;

import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.journey.ConditionDocument;
import com.outsidein.journeys.journey.ConditionType;
import com.outsidein.journeys.journey.Match;
import com.outsidein.journeys.journey.TransitionDocument;
import com.outsidein.journeys.progress.ProgressEntries;

/**
 * One partition of the transitions report: per transition, who was in its from step and who advanced, and per
 * condition who met it during that stint and who of them advanced. A prospect is in the from step from its
 * first entry until it next enters another step.
 */
final class TransitionTally {

    /** Who was in a transition's from step, and who of them reached its to step. */
    static final class Stints {
        long inFrom;
        long advanced;
        /** Per condition, then the match of all of them (ALL or ANY) last. */
        final Evidence[] conditions;

        Stints(int conditions) {
            this.conditions = new Evidence[conditions + 1];
            for (int c = 0; c < this.conditions.length; c++) {
                this.conditions[c] = new Evidence();
            }
        }
    }

    /** A condition's 2x2 counts among a from step's stints. */
    static final class Evidence {
        long met;
        long metAdvanced;
        long notMet;
        long notMetAdvanced;

        void count(boolean isMet, boolean advanced) {
            if (isMet) {
                met++;
                metAdvanced += advanced ? 1 : 0;
            } else {
                notMet++;
                notMetAdvanced += advanced ? 1 : 0;
            }
        }

        void merge(Evidence other) {
            met += other.met;
            metAdvanced += other.metAdvanced;
            notMet += other.notMet;
            notMetAdvanced += other.notMetAdvanced;
        }
    }

    private final CompiledTransition[] plan;
    private final long now;
    final Stints[] byTransition;

    TransitionTally(CompiledTransition[] plan, long now) {
        this.plan = plan;
        this.now = now;
        byTransition = new Stints[plan.length];
        for (int i = 0; i < plan.length; i++) {
            byTransition[i] = new Stints(plan[i].conditions().length);
        }
    }

    /** Counts one prospect's stint in each transition's from step, as of now. */
    void add(long[] entries, long[] actions, long[] touches, String[] attributes) {
        for (int i = 0; i < plan.length; i++) {
            CompiledTransition t = plan[i];
            long entered = -1;
            long left = Long.MAX_VALUE;
            boolean advanced = false;
            for (long e : entries) {
                long at = ProgressEntries.epochSecond(e);
                if (at > now) {
                    break;
                }
                int ref = ProgressEntries.ref(e);
                if (entered < 0) {
                    if (ref == t.from()) {
                        entered = at;
                    }
                } else {
                    if (ref != t.from() && left == Long.MAX_VALUE) {
                        left = at;
                    }
                    if (ref == t.to()) {
                        advanced = true;
                    }
                }
            }
            if (entered < 0) {
                continue;
            }
            Stints stints = byTransition[i];
            stints.inFrom++;
            if (advanced) {
                stints.advanced++;
            }
            boolean all = true;
            boolean any = false;
            long until = Math.min(left, now);
            CompiledCondition[] conditions = t.conditions();
            for (int c = 0; c < conditions.length; c++) {
                boolean met = conditions[c].met(entered, until, actions, touches, attributes);
                all &= met;
                any |= met;
                stints.conditions[c].count(met, advanced);
            }
            stints.conditions[conditions.length].count(t.all() ? all : any, advanced);
        }
    }

    void merge(TransitionTally other) {
        for (int i = 0; i < byTransition.length; i++) {
            byTransition[i].inFrom += other.byTransition[i].inFrom;
            byTransition[i].advanced += other.byTransition[i].advanced;
            for (int c = 0; c < byTransition[i].conditions.length; c++) {
                byTransition[i].conditions[c].merge(other.byTransition[i].conditions[c]);
            }
        }
    }

    /** A transition with its keys resolved to refs once, not once per prospect. */
    record CompiledTransition(int from, int to, boolean all, CompiledCondition[] conditions) {
        static CompiledTransition of(TransitionDocument t, Map<String, Integer> stepRefs, Map<String, Integer> actionRefs,
                Map<String, Integer> touchRefs, List<String> attributeNames) {
            return new CompiledTransition(stepRefs.get(t.from()), stepRefs.get(t.to()), t.match() == Match.ALL,
                    t.conditions().stream().map(c -> CompiledCondition.of(c, actionRefs, touchRefs, attributeNames))
                            .toArray(CompiledCondition[]::new));
        }
    }

    /** A condition ready to test: element ref (-1 when it names nothing with events), count, duration or attribute. */
    record CompiledCondition(ConditionType type, int ref, int minCount, long seconds, int attribute, String value) {
        static CompiledCondition of(ConditionDocument c, Map<String, Integer> actionRefs, Map<String, Integer> touchRefs,
                List<String> attributeNames) {
            return switch (c.type()) {
                case ACTION_PERFORMED -> new CompiledCondition(c.type(), actionRefs.getOrDefault(c.action(), -1),
                        c.minCount() == null ? 1 : c.minCount(), 0, -1, null);
                case TOUCHPOINT_RECEIVED -> new CompiledCondition(c.type(), touchRefs.getOrDefault(c.touchpoint(), -1), 1, 0, -1, null);
                case ATTRIBUTE_EQUALS -> new CompiledCondition(c.type(), -1, 0, 0, attributeNames.indexOf(c.attribute()), c.value());
                case TIME_IN_STEP_AT_LEAST -> new CompiledCondition(c.type(), -1, 0,
                        IsoDurations.parsePositive(c.duration()).orElseThrow().getSeconds(), -1, null);
            };
        }

        /** Whether the prospect met it during its stint [entered, left) in the from step. */
        boolean met(long entered, long left, long[] actions, long[] touches, String[] attributes) {
            return switch (type) {
                case ACTION_PERFORMED -> countIn(actions, ref, entered, left) >= minCount;
                case TOUCHPOINT_RECEIVED -> countIn(touches, ref, entered, left) >= minCount;
                case ATTRIBUTE_EQUALS -> value.equals(attributes[attribute]);
                case TIME_IN_STEP_AT_LEAST -> left - entered >= seconds;
            };
        }
    }

    /** Events of one element in [from, until). */
    private static int countIn(long[] packed, int ref, long from, long until) {
        if (ref < 0) {
            return 0;
        }
        int count = 0;
        for (long p : packed) {
            long at = ProgressEntries.elementSecond(p);
            if (at >= until) {
                break;
            }
            if (at >= from && ProgressEntries.elementRef(p) == ref) {
                count++;
            }
        }
        return count;
    }
}
