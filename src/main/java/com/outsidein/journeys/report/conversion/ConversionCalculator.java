package com.outsidein.journeys.report.conversion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.outsidein.journeys.report.Durations;
import com.outsidein.journeys.report.Rates;
import com.outsidein.journeys.report.StepSpec;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.progress.ProgressEntries;
import com.outsidein.journeys.report.conversion.ConversionReport.Funnel;
import com.outsidein.journeys.report.conversion.ConversionReport.StepConversion;
import com.outsidein.journeys.report.TimeToConvert;

/**
 * The conversion semantics of DESIGN.md over packed per-prospect step entries. Pure and single-pass:
 * feed it every prospect's entries and read the funnels. Arrival order of events cannot matter: it
 * only ever sees each prospect's entries sorted by time.
 */
public final class ConversionCalculator {

    /** Marks a step a prospect did not reach. */
    public static final long NONE = Long.MIN_VALUE;
    public static final String NO_SEGMENT = "(none)";

    private final List<StepSpec> steps;
    private final int[] positionOfRef = new int[1 << ProgressEntries.REF_BITS];
    private final long from;
    private final long to;
    private final long window;
    private final boolean ordered;
    private final ConversionParameters parameters;
    private final long[] scratch;
    private final Map<String, Group> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));

    private final int maxFunnels;

    public ConversionCalculator(List<StepSpec> steps, ConversionParameters parameters) {
        this(steps, parameters, Integer.MAX_VALUE);
    }

    /** Refuses (400) as soon as the funnels would pass {@code maxFunnels}, not after building them all. */
    public ConversionCalculator(List<StepSpec> steps, ConversionParameters parameters, int maxFunnels) {
        this.maxFunnels = maxFunnels;
        this.steps = steps;
        this.parameters = parameters;
        this.scratch = new long[steps.size()];
        Arrays.fill(positionOfRef, -1);
        for (int i = 0; i < steps.size(); i++) {
            positionOfRef[steps.get(i).ref()] = i;
        }
        this.from = parameters.from().getEpochSecond();
        this.to = parameters.to().getEpochSecond();
        this.window = parameters.windowDuration().getSeconds();
        this.ordered = parameters.ordered();
    }

    /**
     * The epoch second at which the prospect reached each step (NONE where it did not), or null when
     * its first step-1 entry is not in [from, to).
     */
    public long[] chain(long[] entries) {
        return chain(entries, new long[steps.size()]);
    }

    /** {@link #chain(long[])} into a caller's array, so a scan of a million prospects reuses one. */
    private long[] chain(long[] entries, long[] times) {
        if (steps.isEmpty()) {
            return null;
        }
        long t1 = NONE;
        for (long entry : entries) {
            if (positionOfRef[ProgressEntries.ref(entry)] == 0) {
                t1 = ProgressEntries.epochSecond(entry);
                break;
            }
        }
        if (t1 == NONE || t1 < from || t1 >= to) {
            return null;
        }
        long deadline = t1 + window;
        Arrays.fill(times, NONE);
        times[0] = t1;
        long previous = t1;
        for (int k = 1; k < steps.size(); k++) {
            long found = firstEntry(entries, k, ordered ? previous : t1, deadline);
            if (found != NONE) {
                times[k] = found;
                if (ordered) {
                    previous = found;
                }
            } else if (ordered && !steps.get(k).optional()) {
                break;
            }
        }
        return times;
    }

    /**
     * The step a prospect moved on to from step k: the next step it reached with only unreached
     * optional steps in between; -1 when it did not move on.
     */
    public int next(long[] times, int k) {
        for (int j = k + 1; j < times.length; j++) {
            if (times[j] != NONE) {
                return j;
            }
            if (!steps.get(j).optional()) {
                return -1;
            }
        }
        return -1;
    }

    /** Counts one prospect (its packed, sorted entries) into its bucket and segment. */
    public void add(long[] entries, String segment) {
        long[] times = chain(entries, scratch);
        if (times == null) {
            return;
        }
        Group group;
        if (parameters.interval() == null && parameters.breakdown() == null) {
            group = groups.computeIfAbsent("", k -> new Group(null, null, steps.size()));
        } else {
            String bucket = parameters.bucketOf(times[0]);
            String value = parameters.breakdown() == null ? null : segment == null ? NO_SEGMENT : segment;
            group = groups.computeIfAbsent(bucket + "\u0000" + (value == null ? "" : value),
                    k -> new Group(bucket, value, steps.size()));
            checkFunnelCount();
        }
        for (int k = 0; k < times.length; k++) {
            if (times[k] == NONE) {
                continue;
            }
            group.entered[k]++;
            int j = next(times, k);
            if (j >= 0) {
                group.converted[k]++;
                group.durations[k].add(Math.max(0, times[j] - times[k]));
            }
        }
    }

    public List<Funnel> funnels() {
        if (groups.isEmpty() && parameters.interval() == null && parameters.breakdown() == null) {
            return List.of(new Group(null, null, steps.size()).funnel());
        }
        return groups.values().stream().map(Group::funnel).toList();
    }

    public List<StepSpec> steps() {
        return steps;
    }

    /** Adds another calculator's counts (of other prospects, same steps and parameters) to this one. */
    public void merge(ConversionCalculator other) {
        other.groups.forEach((key, theirs) -> {
            Group mine = groups.computeIfAbsent(key, k -> new Group(theirs.bucket, theirs.segment, steps.size()));
            checkFunnelCount();
            for (int k = 0; k < steps.size(); k++) {
                mine.entered[k] += theirs.entered[k];
                mine.converted[k] += theirs.converted[k];
                mine.durations[k].addAll(theirs.durations[k]);
            }
        });
    }

    private void checkFunnelCount() {
        if (groups.size() > maxFunnels) {
            throw ProblemException.badRequest("The report would have more than " + maxFunnels + " funnels; narrow the "
                    + "range, use a coarser interval or a breakdown with fewer values",
                    List.of(new FieldError(parameters.breakdown() != null ? "breakdown" : "interval",
                            "at most " + maxFunnels + " funnels")));
        }
    }

    private long firstEntry(long[] entries, int position, long notBefore, long notAfter) {
        for (long entry : entries) {
            long at = ProgressEntries.epochSecond(entry);
            if (at > notAfter) {
                return NONE;
            }
            if (at >= notBefore && positionOfRef[ProgressEntries.ref(entry)] == position) {
                return at;
            }
        }
        return NONE;
    }

    /** Counters of one funnel. */
    private final class Group {
        final String bucket;
        final String segment;
        final long[] entered;
        final long[] converted;
        final Durations[] durations;

        Group(String bucket, String segment, int size) {
            this.bucket = bucket;
            this.segment = segment;
            this.entered = new long[size];
            this.converted = new long[size];
            this.durations = new Durations[size];
            for (int i = 0; i < size; i++) {
                durations[i] = new Durations();
            }
        }

        Funnel funnel() {
            List<StepConversion> out = new ArrayList<>();
            long population = entered.length == 0 ? 0 : entered[0];
            for (int k = 0; k < entered.length; k++) {
                StepSpec step = steps.get(k);
                Double overall = population == 0 ? null : Rates.round((double) entered[k] / population);
                if (k == entered.length - 1) {
                    out.add(new StepConversion(step.key(), step.name(), step.optional(), entered[k], null, null, overall,
                            null, null));
                    continue;
                }
                out.add(new StepConversion(step.key(), step.name(), step.optional(), entered[k], converted[k],
                        entered[k] == 0 ? null : Rates.round((double) converted[k] / entered[k]), overall,
                        entered[k] - converted[k], durations[k].summary()));
            }
            return new Funnel(bucket, segment, population, out);
        }
    }
}
