package com.outsidein.journeys.report.live;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.progress.PackedArrays;
import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;
import com.outsidein.journeys.report.Durations;
import com.outsidein.journeys.report.ProgressStore;
import com.outsidein.journeys.report.Rates;
import com.outsidein.journeys.report.TimeToConvert;
import com.outsidein.journeys.report.TopK;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.progress.ProgressEntries;
import com.outsidein.journeys.journey.ActionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.report.live.LiveReports.ActionResponses;
import com.outsidein.journeys.report.live.LiveReports.ContactPressureReport;
import com.outsidein.journeys.report.live.LiveReports.LateFollowUp;
import com.outsidein.journeys.report.live.LiveReports.OpenAction;
import com.outsidein.journeys.report.live.LiveReports.OpenResponses;
import com.outsidein.journeys.report.live.LiveReports.Pressured;
import com.outsidein.journeys.report.live.LiveReports.ResponseReport;
import com.outsidein.journeys.report.live.LiveReports.StaleProspect;
import com.outsidein.journeys.report.live.LiveReports.StaleReport;
import com.outsidein.journeys.report.live.LiveReports.StepMix;

/** The live-gap reports, each one pass over per-prospect progress. */
@ApplicationScoped
public class LiveReportService {

    @Inject
    JourneyRepository journeys;
    @Inject
    ProgressStore progress;

    private record Loaded(JourneyEntity journey, LiveDesign design) {
    }

    @Transactional
    public ResponseReport responses(long teamId, String journeyKey, Instant from, Instant to, Instant asOf) {
        Loaded loaded = load(teamId, journeyKey);
        long start = from.getEpochSecond();
        long end = to.getEpochSecond();
        int refs = loaded.design().actions.length;
        long[][] counts = new long[refs][4];
        Durations[] times = new Durations[refs];
        for (ResponseTally tally : scan(loaded, Needs.RESPONSES, () -> new ResponseTally(loaded.design()),
                (mine, external, entries, actions, touches) -> {
            ResponseMatcher outcomes = mine.matcher.match(actions, touches, asOf.getEpochSecond());
            for (int i = 0; i < outcomes.size(); i++) {
                long performedAt = outcomes.performedAt(i);
                if (performedAt >= start && performedAt < end) {
                    mine.add(outcomes, i);
                }
            }
        })) {
            for (int ref = 0; ref < refs; ref++) {
                for (int k = 0; k < 4; k++) {
                    counts[ref][k] += tally.counts[ref][k];
                }
                if (tally.times[ref] != null) {
                    if (times[ref] == null) {
                        times[ref] = new Durations();
                    }
                    times[ref].addAll(tally.times[ref]);
                }
            }
        }
        List<ActionResponses> rows = new ArrayList<>();
        for (ActionDocument a : loaded.design().responseActions) {
            LiveDesign.Action action = java.util.Arrays.stream(loaded.design().actions)
                    .filter(x -> x != null && x.key().equals(a.key())).findFirst().orElseThrow();
            long[] c = counts[action.ref()];
            Durations answered = times[action.ref()];
            TimeToConvert summary = answered == null ? null : answered.summary();
            rows.add(new ActionResponses(a.key(), action.step(), a.responseSla(), action.owners(), c[0], c[1], c[2], c[3],
                    summary == null ? null : summary.p50(), summary == null ? null : summary.p90()));
        }
        return new ResponseReport(loaded.journey().key, from, to, asOf, rows);
    }

    @Transactional
    public OpenResponses open(long teamId, String journeyKey, Instant asOf, String cursor, int limit) {
        Loaded loaded = load(teamId, journeyKey);
        Comparator<OpenAction> oldestFirst = Comparator.comparing(OpenAction::performedAt)
                .thenComparing(OpenAction::prospect).thenComparing(OpenAction::action);
        OpenAction after = cursor == null ? null : decodeCursor(cursor);
        // Each partition keeps only the oldest limit + 1 waiting actions after the cursor: a page, and
        // whether there is another, without building or sorting every open action of a million prospects.
        List<OpenTally> tallies = scan(loaded, Needs.OPEN, () -> new OpenTally(loaded.design(), oldestFirst, limit + 1),
                (mine, external, entries, actions, touches) -> {
                    ResponseMatcher outcomes = mine.matcher.match(actions, touches, asOf.getEpochSecond());
                    for (int i = 0; i < outcomes.size(); i++) {
                        if (outcomes.answered(i)) {
                            continue;
                        }
                        mine.page.count();
                        long performedAt = outcomes.performedAt(i);
                        // Cheap test first: most waiting actions are younger than the page's newest.
                        if (mine.page.isFull() && performedAt > mine.page.worst().performedAt().getEpochSecond()) {
                            continue;
                        }
                        LiveDesign.Action action = outcomes.action(i);
                        OpenAction probe = new OpenAction(external, action.key(), null,
                                Instant.ofEpochSecond(performedAt), null, null, null, null);
                        if ((after != null && oldestFirst.compare(probe, after) <= 0) || !mine.page.wouldKeep(probe)) {
                            continue;
                        }
                        long sla = action.slaSeconds();
                        Instant due = sla < 0 ? null : Instant.ofEpochSecond(performedAt + sla);
                        mine.page.offer(new OpenAction(external, action.key(), action.step(), probe.performedAt(),
                                action.sla(), due,
                                due == null ? null : asOf.getEpochSecond() - due.getEpochSecond(), action.owners()));
                    }
                });
        TopK<OpenAction> merged = TopK.merge(tallies.stream().map(tally -> tally.page).toList());
        long total = merged.offered();
        List<OpenAction> candidates = merged.sorted();
        List<OpenAction> page = candidates.subList(0, Math.min(limit, candidates.size()));
        String next = candidates.size() > limit ? encodeCursor(page.get(page.size() - 1)) : null;
        return new OpenResponses(loaded.journey().key, asOf, total, List.copyOf(page), next);
    }

    @Transactional
    public ContactPressureReport pressure(long teamId, String journeyKey, String windowText, int cap, int limit) {
        Duration window = com.outsidein.journeys.format.IsoDurations.parsePositive(windowText).orElseThrow(() ->
                ProblemException.badRequest("window: " + com.outsidein.journeys.format.IsoDurations.MESSAGE,
                        List.of(new FieldError("window", com.outsidein.journeys.format.IsoDurations.MESSAGE))));
        Loaded loaded = load(teamId, journeyKey);
        long w = window.getSeconds();
        Comparator<Pressured> worstFirst = Comparator.comparing(Pressured::maxInWindow).reversed()
                .thenComparing(Pressured::prospect);
        List<TopK<Pressured>> overs = new ArrayList<>();
        int stepCount = loaded.design().stepKeys.size();
        long[][] mix = new long[stepCount][2];
        for (PressureTally tally : scan(loaded, Needs.TOUCHES, () -> new PressureTally(stepCount, worstFirst, limit), (mine, external, entries, actions, touches) -> {
            int best = 0;
            long bestStart = 0;
            int lo = 0;
            for (int hi = 0; hi < touches.length; hi++) {
                long at = ProgressEntries.elementSecond(touches[hi]);
                while (ProgressEntries.elementSecond(touches[lo]) <= at - w) {
                    lo++;
                }
                if (hi - lo + 1 > best) {
                    best = hi - lo + 1;
                    bestStart = ProgressEntries.elementSecond(touches[lo]);
                }
                LiveDesign.Touch touch = loaded.design().touches[ProgressEntries.elementRef(touches[hi])];
                if (touch != null) {
                    mine.mix[touch.stepPosition()][touch.human() ? 0 : 1]++;
                }
            }
            if (best > cap) {
                mine.over.count();
                mine.over.offer(new Pressured(external, best, Instant.ofEpochSecond(bestStart), touches.length));
            }
        })) {
            overs.add(tally.over);
            for (int i = 0; i < stepCount; i++) {
                mix[i][0] += tally.mix[i][0];
                mix[i][1] += tally.mix[i][1];
            }
        }
        TopK<Pressured> over = TopK.merge(overs);
        List<StepMix> steps = new ArrayList<>();
        for (int i = 0; i < mix.length; i++) {
            steps.add(new StepMix(loaded.design().stepKeys.get(i), mix[i][0], mix[i][1],
                    mix[i][1] == 0 ? null : Rates.round((double) mix[i][0] / mix[i][1])));
        }
        return new ContactPressureReport(loaded.journey().key, windowText, cap, over.offered(), over.sorted(), steps);
    }

    @Transactional
    public StaleReport stale(long teamId, String journeyKey, Instant asOf, double lateFactor, int limit) {
        Loaded loaded = load(teamId, journeyKey);
        long now = asOf.getEpochSecond();
        Comparator<StaleProspect> longestIdle = Comparator.comparing(StaleProspect::idleSeconds).reversed()
                .thenComparing(StaleProspect::prospect);
        Comparator<LateFollowUp> latest = Comparator.comparing(LateFollowUp::slaMultiple).reversed()
                .thenComparing(LateFollowUp::prospect).thenComparing(LateFollowUp::performedAt);
        List<TopK<StaleProspect>> stales = new ArrayList<>();
        List<TopK<LateFollowUp>> lates = new ArrayList<>();
        for (StaleTally tally : scan(loaded, Needs.ALL, () -> new StaleTally(loaded.design(), longestIdle, latest, limit), (mine, external, entries, actions, touches) -> {
            LiveDesign.Step current = null;
            for (long entry : entries) {
                if (ProgressEntries.epochSecond(entry) <= now) {
                    LiveDesign.Step step = loaded.design().steps[ProgressEntries.ref(entry)];
                    current = step == null ? current : step;
                }
            }
            long last = lastEventSecond(entries, actions, touches, now);
            if (current != null && current.staleAfterSeconds() > 0 && now - last > current.staleAfterSeconds()) {
                mine.stale.count();
                mine.stale.offer(new StaleProspect(external, current.key(), current.staleAfter(),
                        Instant.ofEpochSecond(last), now - last));
            }
            ResponseMatcher outcomes = mine.matcher.match(actions, touches, now);
            for (int i = 0; i < outcomes.size(); i++) {
                long sla = outcomes.action(i).slaSeconds();
                long responseSeconds = outcomes.responseSeconds(i);
                if (outcomes.answered(i) && sla > 0 && responseSeconds > lateFactor * sla) {
                    mine.late.count();
                    mine.late.offer(new LateFollowUp(external, outcomes.action(i).key(), outcomes.answeredBy(i),
                            Instant.ofEpochSecond(outcomes.performedAt(i)), Instant.ofEpochSecond(outcomes.answeredAt(i)),
                            outcomes.action(i).sla(), responseSeconds,
                            Rates.round((double) responseSeconds / sla)));
                }
            }
        })) {
            stales.add(tally.stale);
            lates.add(tally.late);
        }
        TopK<StaleProspect> stale = TopK.merge(stales);
        TopK<LateFollowUp> late = TopK.merge(lates);
        return new StaleReport(loaded.journey().key, asOf, lateFactor, stale.offered(), stale.sorted(), late.offered(),
                late.sorted());
    }

    private Loaded load(long teamId, String key) {
        JourneyEntity journey = journeys.requireByKey(teamId, key);
        JourneyDocument doc = journeys.load(journey);
        try {
            ElementRefs refs = progress.refs(journey.id);
            return new Loaded(journey, new LiveDesign(doc, refs.of(ElementKind.STEP), refs.of(ElementKind.ACTION), refs.of(ElementKind.TOUCHPOINT)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The time of a prospect's latest event of any kind up to {@code asOf}: events after it had not happened
     * then. The arrays are sorted by time, so each is read backwards only past its later events. Reading
     * last_event_at instead would go through numeric in PostgreSQL (0.75 s a million rows) and see the future.
     */
    static long lastEventSecond(long[] entries, long[] actions, long[] touches, long asOf) {
        long last = Long.MIN_VALUE;
        for (int i = entries.length - 1; i >= 0; i--) {
            long at = ProgressEntries.epochSecond(entries[i]);
            if (at <= asOf) {
                last = at;
                break;
            }
        }
        return Math.max(last, Math.max(lastElementSecond(actions, asOf), lastElementSecond(touches, asOf)));
    }

    private static long lastElementSecond(long[] elements, long asOf) {
        for (int i = elements.length - 1; i >= 0; i--) {
            long at = ProgressEntries.elementSecond(elements[i]);
            if (at <= asOf) {
                return at;
            }
        }
        return Long.MIN_VALUE;
    }

    /** One prospect's whole packed progress, handed to a partition's accumulator. */
    private interface ProspectConsumer<A> {
        void accept(A accumulator, String externalId, long[] entries, long[] actions, long[] touches);
    }

    /** Which columns a report reads: sending fewer is most of what a report costs. */
    private enum Needs {
        RESPONSES(false, false, true, true),
        OPEN(true, false, true, true),
        TOUCHES(true, false, false, true),
        ALL(true, true, true, true);

        final String columns;

        Needs(boolean externalId, boolean entries, boolean actions, boolean touches) {
            this.columns = String.join(", ", externalId ? "external_id" : "null", entries ? "entries" : "null::bigint[]",
                    actions ? "actions" : "null::bigint[]", touches ? "touches" : "null::bigint[]");
        }
    }

    private <A> List<A> scan(Loaded loaded, Needs needs, java.util.function.Supplier<A> accumulator,
            ProspectConsumer<A> consumer) {
        try {
            return progress.scan(loaded.journey().id, needs.columns, List.of(), null, accumulator,
                    (mine, row) -> consumer.accept(mine, row.getString(1), PackedArrays.arrayAt(row, 2),
                            PackedArrays.arrayAt(row, 3), PackedArrays.arrayAt(row, 4))).partitions();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partition's counts per action ref (performed, in SLA, late, unanswered) and response times. */
    private static final class ResponseTally {
        final ResponseMatcher matcher;
        final long[][] counts;
        final Durations[] times;

        ResponseTally(LiveDesign design) {
            matcher = new ResponseMatcher(design);
            counts = new long[design.actions.length][4];
            times = new Durations[design.actions.length];
        }

        void add(ResponseMatcher outcomes, int i) {
            long[] c = counts[outcomes.actionRef(i)];
            c[0]++;
            if (!outcomes.answered(i)) {
                c[3]++;
            } else {
                c[outcomes.late(i) ? 2 : 1]++;
                Durations answered = times[outcomes.actionRef(i)];
                if (answered == null) {
                    answered = times[outcomes.actionRef(i)] = new Durations();
                }
                answered.add(outcomes.responseSeconds(i));
            }
        }
    }

    /** A partition's oldest waiting actions. */
    private static final class OpenTally {
        final ResponseMatcher matcher;
        final TopK<OpenAction> page;

        OpenTally(LiveDesign design, Comparator<OpenAction> order, int capacity) {
            matcher = new ResponseMatcher(design);
            page = new TopK<>(order, capacity);
        }
    }

    /** A partition's over-the-cap prospects and human/automated deliveries per step. */
    private static final class PressureTally {
        final TopK<Pressured> over;
        final long[][] mix;

        PressureTally(int steps, Comparator<Pressured> order, int limit) {
            over = new TopK<>(order, limit);
            mix = new long[steps][2];
        }
    }

    /** A partition's stale prospects and late follow-ups. */
    private static final class StaleTally {
        final ResponseMatcher matcher;
        final TopK<StaleProspect> stale;
        final TopK<LateFollowUp> late;

        StaleTally(LiveDesign design, Comparator<StaleProspect> staleOrder, Comparator<LateFollowUp> lateOrder, int limit) {
            matcher = new ResponseMatcher(design);
            stale = new TopK<>(staleOrder, limit);
            late = new TopK<>(lateOrder, limit);
        }
    }

    private static String encodeCursor(OpenAction last) {
        String raw = last.performedAt().getEpochSecond() + "\n" + last.prospect() + "\n" + last.action();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static OpenAction decodeCursor(String cursor) {
        try {
            String[] parts = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\n", 3);
            return new OpenAction(parts[1], parts[2], null, Instant.ofEpochSecond(Long.parseLong(parts[0])), null, null, null, null);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor: not a cursor this API gave out",
                    List.of(new FieldError("cursor", "use the nextCursor of the previous page")));
        }
    }
}
