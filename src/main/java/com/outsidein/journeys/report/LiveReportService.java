package com.outsidein.journeys.report;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.common.FieldError;
import com.outsidein.journeys.common.ProblemException;
import com.outsidein.journeys.event.ProgressEntries;
import com.outsidein.journeys.journey.ActionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.report.LiveReports.ActionResponses;
import com.outsidein.journeys.report.LiveReports.ContactPressureReport;
import com.outsidein.journeys.report.LiveReports.LateFollowUp;
import com.outsidein.journeys.report.LiveReports.OpenAction;
import com.outsidein.journeys.report.LiveReports.OpenResponses;
import com.outsidein.journeys.report.LiveReports.Pressured;
import com.outsidein.journeys.report.LiveReports.ResponseReport;
import com.outsidein.journeys.report.LiveReports.StaleProspect;
import com.outsidein.journeys.report.LiveReports.StaleReport;
import com.outsidein.journeys.report.LiveReports.StepMix;

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
        Map<String, long[]> counts = new HashMap<>();
        Map<String, ConversionCalculator.LongList> times = new HashMap<>();
        for (ResponseTally tally : scan(loaded, Needs.RESPONSES, ResponseTally::new, (mine, external, entries, actions, touches, last) -> {
            for (ResponseMatcher.Outcome o : ResponseMatcher.match(loaded.design(), actions, touches, asOf.getEpochSecond())) {
                if (o.performedAt() >= start && o.performedAt() < end) {
                    mine.add(o);
                }
            }
        })) {
            tally.counts.forEach((key, c) -> {
                long[] total = counts.computeIfAbsent(key, k -> new long[4]);
                for (int i = 0; i < 4; i++) {
                    total[i] += c[i];
                }
            });
            tally.times.forEach((key, list) -> times.computeIfAbsent(key, k -> new ConversionCalculator.LongList()).addAll(list));
        }
        List<ActionResponses> rows = new ArrayList<>();
        for (ActionDocument a : loaded.design().responseActions) {
            LiveDesign.Action action = java.util.Arrays.stream(loaded.design().actions)
                    .filter(x -> x != null && x.key().equals(a.key())).findFirst().orElseThrow();
            long[] c = counts.getOrDefault(a.key(), new long[4]);
            ConversionCalculator.LongList answered = times.get(a.key());
            ConversionReport.TimeToConvert summary = answered == null ? null : answered.summary();
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
        List<TopK<OpenAction>> tallies = scan(loaded, Needs.RESPONSES, () -> new TopK<>(oldestFirst, limit + 1),
                (mine, external, entries, actions, touches, last) -> {
                    for (ResponseMatcher.Outcome o : ResponseMatcher.match(loaded.design(), actions, touches, asOf.getEpochSecond())) {
                        if (o.answered()) {
                            continue;
                        }
                        mine.count();
                        OpenAction probe = new OpenAction(external, o.action().key(), null,
                                Instant.ofEpochSecond(o.performedAt()), null, null, null, null);
                        if ((after != null && oldestFirst.compare(probe, after) <= 0) || !mine.wouldKeep(probe)) {
                            continue;
                        }
                        long sla = o.action().slaSeconds();
                        Instant due = sla < 0 ? null : Instant.ofEpochSecond(o.performedAt() + sla);
                        mine.offer(new OpenAction(external, o.action().key(), o.action().step(), probe.performedAt(),
                                sla < 0 ? null : Duration.ofSeconds(sla).toString(), due,
                                due == null ? null : asOf.getEpochSecond() - due.getEpochSecond(), o.action().owners()));
                    }
                });
        TopK<OpenAction> merged = TopK.merge(tallies);
        long total = merged.offered();
        List<OpenAction> candidates = merged.sorted();
        List<OpenAction> page = candidates.subList(0, Math.min(limit, candidates.size()));
        String next = candidates.size() > limit ? encodeCursor(page.get(page.size() - 1)) : null;
        return new OpenResponses(loaded.journey().key, asOf, total, List.copyOf(page), next);
    }

    @Transactional
    public ContactPressureReport pressure(long teamId, String journeyKey, String windowText, int cap, int limit) {
        Duration window = com.outsidein.journeys.common.IsoDurations.parsePositive(windowText).orElseThrow(() ->
                ProblemException.badRequest("window: " + com.outsidein.journeys.common.IsoDurations.MESSAGE,
                        List.of(new FieldError("window", com.outsidein.journeys.common.IsoDurations.MESSAGE))));
        Loaded loaded = load(teamId, journeyKey);
        long w = window.getSeconds();
        Comparator<Pressured> worstFirst = Comparator.comparing(Pressured::maxInWindow).reversed()
                .thenComparing(Pressured::prospect);
        List<TopK<Pressured>> overs = new ArrayList<>();
        int stepCount = loaded.design().stepKeys.size();
        long[][] mix = new long[stepCount][2];
        for (PressureTally tally : scan(loaded, Needs.TOUCHES, () -> new PressureTally(stepCount, worstFirst, limit), (mine, external, entries, actions, touches, last) -> {
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
                    mix[i][1] == 0 ? null : ConversionCalculator.round((double) mix[i][0] / mix[i][1])));
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
        for (StaleTally tally : scan(loaded, Needs.ALL, () -> new StaleTally(longestIdle, latest, limit), (mine, external, entries, actions, touches, last) -> {
            LiveDesign.Step current = null;
            for (long entry : entries) {
                if (ProgressEntries.epochSecond(entry) <= now) {
                    LiveDesign.Step step = loaded.design().steps[ProgressEntries.ref(entry)];
                    current = step == null ? current : step;
                }
            }
            if (current != null && current.staleAfterSeconds() > 0 && now - last > current.staleAfterSeconds()) {
                mine.stale.count();
                mine.stale.offer(new StaleProspect(external, current.key(), Duration.ofSeconds(current.staleAfterSeconds()).toString(),
                        Instant.ofEpochSecond(last), now - last));
            }
            for (ResponseMatcher.Outcome o : ResponseMatcher.match(loaded.design(), actions, touches, now)) {
                long sla = o.action().slaSeconds();
                if (o.answered() && sla > 0 && o.responseSeconds() > lateFactor * sla) {
                    mine.late.count();
                    mine.late.offer(new LateFollowUp(external, o.action().key(), o.answeredBy(), Instant.ofEpochSecond(o.performedAt()),
                            Instant.ofEpochSecond(o.answeredAt()), Duration.ofSeconds(sla).toString(), o.responseSeconds(),
                            ConversionCalculator.round((double) o.responseSeconds() / sla)));
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
        JourneyEntity journey = journeys.findByKey(teamId, key)
                .orElseThrow(() -> ProblemException.notFound("No journey '" + key + "'"));
        JourneyDocument doc = journeys.load(journey);
        try {
            return new Loaded(journey, new LiveDesign(doc, progress.refs(journey.id, 'S'), progress.refs(journey.id, 'A'),
                    progress.refs(journey.id, 'T')));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One prospect's whole packed progress, handed to a partition's accumulator. */
    private interface ProspectConsumer<A> {
        void accept(A accumulator, String externalId, long[] entries, long[] actions, long[] touches, long lastEventAt);
    }

    /** Which packed arrays a report reads: sending fewer is most of what a report costs. */
    private enum Needs {
        RESPONSES("null", "array_to_string(actions, ',')", "array_to_string(touches, ',')"),
        TOUCHES("null", "null", "array_to_string(touches, ',')"),
        ALL("array_to_string(entries, ',')", "array_to_string(actions, ',')", "array_to_string(touches, ',')");

        final String columns;

        Needs(String entries, String actions, String touches) {
            this.columns = entries + ", " + actions + ", " + touches;
        }
    }

    private <A> List<A> scan(Loaded loaded, Needs needs, java.util.function.Supplier<A> accumulator,
            ProspectConsumer<A> consumer) {
        try {
            return progress.scan(loaded.journey().id, "external_id, " + needs.columns
                    + ", extract(epoch from last_event_at)::bigint",
                    List.of(), null, accumulator,
                    (mine, row) -> consumer.accept(mine, row.getString(1), ProgressStore.parse(row.getString(2)),
                            ProgressStore.parse(row.getString(3)), ProgressStore.parse(row.getString(4)), row.getLong(5)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partition's counts per action key: performed, in SLA, late, unanswered; and response times. */
    private static final class ResponseTally {
        final Map<String, long[]> counts = new HashMap<>();
        final Map<String, ConversionCalculator.LongList> times = new HashMap<>();

        void add(ResponseMatcher.Outcome o) {
            long[] c = counts.computeIfAbsent(o.action().key(), k -> new long[4]);
            c[0]++;
            if (!o.answered()) {
                c[3]++;
            } else {
                c[o.late() ? 2 : 1]++;
                times.computeIfAbsent(o.action().key(), k -> new ConversionCalculator.LongList()).add(o.responseSeconds());
            }
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
        final TopK<StaleProspect> stale;
        final TopK<LateFollowUp> late;

        StaleTally(Comparator<StaleProspect> staleOrder, Comparator<LateFollowUp> lateOrder, int limit) {
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
