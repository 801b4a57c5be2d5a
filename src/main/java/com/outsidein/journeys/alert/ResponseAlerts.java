package com.outsidein.journeys.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.outsidein.journeys.database.DatabaseFailure;
import com.outsidein.journeys.event.EventType;
import com.outsidein.journeys.event.ProspectsProgressed;
import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.journey.JourneyWritten;
import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;
import com.outsidein.journeys.progress.ProgressEntries;
import com.outsidein.journeys.report.live.LiveDesign;
import com.outsidein.journeys.report.live.ResponseMatcher;

/**
 * {@code response.due_soon}, {@code response.overdue} and {@code response.resolved}. A prospect is looked at when one
 * of its moments comes (a warning, or a second past a due time): it is re-matched then, whole, with the open-responses
 * report's own {@link ResponseMatcher}, so what is told is exactly what that report says at that moment, whatever
 * order the events arrived in. Ingest only moves a prospect's next look earlier when it brings a new action with an
 * SLA, and re-matches at once the rare prospects that cannot wait: an action that arrived already overdue (told in the
 * ingest's transaction when it fell due within {@code JOURNEYS_ALERTS_MAX_AGE}), and an answer to an action already
 * told overdue ({@code response.resolved}). The sweep ({@link ResponseSweep}) looks at the rest when their time comes.
 */
@ApplicationScoped
class ResponseAlerts {

    /** A journey's design as the alerts read it, with the refs whose events can change what is waiting. */
    record Design(LiveDesign live, BitSet slaActions, BitSet answerers) {
        static Design of(LiveDesign live) {
            BitSet actions = new BitSet();
            BitSet answerers = new BitSet();
            for (int ref = 0; ref < 1 << ProgressEntries.ELEMENT_REF_BITS; ref++) {
                LiveDesign.Action action = live.action(ref);
                if (action != null && action.hasSla()) {
                    actions.set(ref);
                    answerers.or(action.answerers());
                }
            }
            return new Design(live, actions, answerers);
        }
    }

    /**
     * What looks at a journey's prospects need: the journey, its design, the team's subscriptions, how to name a
     * prospect, and the messages written so far (to the outbox in one statement).
     */
    private record Context(long journeyId, String journey, Design design, List<SubscriptionView> subscribed, Instant now,
            LongFunction<String> names, List<SubscriptionStore.Message> messages) {
    }

    @Inject
    SubscriptionStore subscriptions;
    @Inject
    ResponseWatchStore watch;
    @Inject
    AlertConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    AppClock clock;
    @Inject
    JourneyRepository journeys;
    @Inject
    DataSource dataSource;

    private final Cache<String, Design> designs = Caffeine.newBuilder().maximumSize(500).build();

    /**
     * Runs in the ingest's transaction, after its progress merge (which holds the prospects' row locks, so two batches
     * never look at one prospect at once). Teams without a response subscription pay one index lookup for it.
     */
    void onIngest(@Observes ProspectsProgressed batch) {
        if (batch.changes().isEmpty()) {
            return;
        }
        List<SubscriptionView> subscribed = subscribers(batch.teamId());
        if (subscribed.isEmpty()) {
            return;
        }
        Design design = design(batch.journeyId(), batch.journeyVersion(), () -> LiveDesign.of(batch.design(), batch.refs()));
        Instant now = clock.now();
        Duration earliestWarning = earliestWarning(subscribed);
        Map<Long, Instant> lookBy = new HashMap<>();
        Set<Long> lookNow = new TreeSet<>();
        Set<Long> answered = new TreeSet<>();
        for (ProspectsProgressed.Change change : batch.changes()) {
            if (change.type() == EventType.TOUCHPOINT_DELIVERED) {
                if (design.answerers().get(batch.refs().ref(ElementKind.TOUCHPOINT, change.element()))) {
                    answered.add(change.prospectId());
                }
                continue;
            }
            int ref = batch.refs().ref(ElementKind.ACTION, change.element());
            if (!design.slaActions().get(ref)) {
                continue;
            }
            Instant due = Instant.ofEpochSecond(change.epochSecond() + design.live().action(ref).slaSeconds());
            // An action past the max age alerts nobody, and is not looked at for itself.
            ResponseSchedule.firstLook(due, now, config.maxAge(), earliestWarning).ifPresent(first -> {
                if (first.inIngest()) {
                    lookNow.add(change.prospectId());
                } else {
                    lookBy.merge(change.prospectId(), first.at(), (a, b) -> a.isBefore(b) ? a : b);
                }
            });
        }
        lookNow.forEach(lookBy::remove);
        answered.removeAll(lookNow);
        Map<Long, ResponseWatchStore.Watch> rows = lookNow.isEmpty() && answered.isEmpty() ? Map.of() : watch.lock(lookNow, answered);
        watch.lookBy(batch.journeyId(), lookBy);
        Set<Long> looked = new TreeSet<>(lookNow);
        looked.addAll(rows.keySet());
        if (looked.isEmpty()) {
            return;
        }
        Context context = new Context(batch.journeyId(), batch.journeyKey(), design, subscribed, now, watch::name,
                new ArrayList<>());
        Map<Long, ResponseWatchStore.Progress> progress = watch.progress(looked);
        List<ResponseWatchStore.Watch> decided = new ArrayList<>();
        for (long prospectId : looked) {
            // The look re-matches the whole prospect, this batch's later actions included: its next moment stands.
            decided.add(look(context, prospectId, progress.get(prospectId), rows.get(prospectId)));
        }
        // Rows looked at now that did not exist yet are made first, so that saving them is an update.
        Map<Long, Instant> made = new HashMap<>();
        lookNow.stream().filter(id -> !rows.containsKey(id)).forEach(id -> made.put(id, now));
        watch.lookBy(batch.journeyId(), made);
        watch.save(decided);
        subscriptions.enqueueAll(context.messages(), now.atOffset(ZoneOffset.UTC));
    }

    /** A design write may have changed SLAs: the sweep looks again at the journey's prospects. */
    void onDesignWrite(@Observes JourneyWritten write) {
        if (!subscribers(write.caller().teamId()).isEmpty()) {
            journeys.findByKey(write.caller().teamId(), write.journey()).ifPresent(j -> watch.lookAgain(j.id, clock.now()));
        }
    }

    /** Looks at claimed prospects whose moment has come, in the sweep's transaction; returns how many it claimed. */
    int sweep(int most) {
        Instant now = clock.now();
        List<ResponseWatchStore.Due> claimed = watch.claimDue(now, most);
        Map<Long, List<SubscriptionView>> byTeam = new HashMap<>();
        List<ResponseWatchStore.Watch> decided = new ArrayList<>();
        List<SubscriptionStore.Message> messages = new ArrayList<>();
        for (ResponseWatchStore.Due due : claimed) {
            ResponseWatchStore.Watch row = due.watch();
            if (due.journey() == null) {
                decided.add(new ResponseWatchStore.Watch(row.prospectId(), row.journeyId(), null, List.of(), null));
                continue;
            }
            Design design = design(row.journeyId(), due.version(), () -> loadDesign(due.teamId(), due.journey()));
            Context context = new Context(row.journeyId(), due.journey(), design,
                    byTeam.computeIfAbsent(due.teamId(), this::subscribers), now, prospect -> due.name(), messages);
            decided.add(look(context, row.prospectId(), due.progress(), row));
        }
        watch.save(decided);
        subscriptions.enqueueAll(messages, now.atOffset(ZoneOffset.UTC));
        return claimed.size();
    }

    /**
     * Re-matches one prospect as the open report would now, writes what has come due (and the resolutions of
     * occurrences told overdue that are now answered), and answers its row: when to look next, what waits told.
     */
    private ResponseWatchStore.Watch look(Context context, long prospectId, ResponseWatchStore.Progress progress,
            ResponseWatchStore.Watch row) {
        List<String> toldBefore = row == null ? List.of() : row.told();
        List<String> told = new ArrayList<>();
        Instant next = null;
        ResponseMatcher matcher = new ResponseMatcher(context.design().live()).match(progress.actions(), progress.touches(),
                Long.MAX_VALUE);
        Set<String> seen = new HashSet<>();
        Map<Integer, List<ResponseSchedule.Target>> targets = new HashMap<>();
        for (int i = 0; i < matcher.size(); i++) {
            LiveDesign.Action action = matcher.action(i);
            if (!action.hasSla()) {
                continue;
            }
            String occurrence = occurrence(prospectId, matcher.actionRef(i), matcher.performedAt(i), seen);
            if (matcher.answered(i)) {
                if (toldBefore.contains(occurrence)) {
                    resolve(context, prospectId, progress, matcher, i, occurrence);
                }
                continue;
            }
            Instant due = Instant.ofEpochSecond(matcher.performedAt(i) + action.slaSeconds());
            ResponseSchedule.Decision decision = ResponseSchedule.decide(due, context.now(), config.maxAge(),
                    targets.computeIfAbsent(action.ref(), ref -> ResponseSchedule.targets(context.subscribed(), context.journey(),
                            action.owners())));
            boolean overdue = false;
            for (ResponseSchedule.Send send : decision.now()) {
                enqueue(context, send.type(), waiting(context, prospectId, progress, matcher, i), null, occurrence,
                        send.subscriptionId());
                overdue |= send.type() == AlertType.RESPONSE_OVERDUE;
            }
            if (overdue || toldBefore.contains(occurrence)) {
                told.add(occurrence);
            }
            if (decision.nextAt() != null && (next == null || decision.nextAt().isBefore(next))) {
                next = decision.nextAt();
            }
        }
        Instant toldAt = told.isEmpty() ? null : told.equals(toldBefore) && row.toldAt() != null ? row.toldAt() : context.now();
        return new ResponseWatchStore.Watch(prospectId, context.journeyId(), next, told, toldAt);
    }

    /** {@code response.resolved} for the subscriptions that heard the occurrence was overdue and want to hear this. */
    private void resolve(Context context, long prospectId, ResponseWatchStore.Progress progress, ResponseMatcher matcher, int i,
            String occurrence) {
        List<String> wanting = ResponseSchedule.targets(context.subscribed(), context.journey(), matcher.action(i).owners())
                .stream().filter(ResponseSchedule.Target::resolved).map(ResponseSchedule.Target::subscriptionId).toList();
        ResponseMessages.Answer answer = new ResponseMessages.Answer(Instant.ofEpochSecond(matcher.answeredAt(i)),
                matcher.answeredBy(i));
        for (String id : subscriptions.toldOverdue(wanting, occurrence)) {
            enqueue(context, AlertType.RESPONSE_RESOLVED, waiting(context, prospectId, progress, matcher, i), answer, occurrence, id);
        }
    }

    private void enqueue(Context context, AlertType type, ResponseMessages.Waiting waiting, ResponseMessages.Answer answer,
            String occurrence, String subscriptionId) {
        String format = context.subscribed().stream().filter(s -> s.id().equals(subscriptionId)).findFirst()
                .map(SubscriptionView::format).orElse("standard");
        context.messages().add(new SubscriptionStore.Message(SubscriptionService.messageId(), subscriptionId, type.wire(),
                occurrence, ResponseMessages.body(json, type, waiting, answer, context.now(), format)));
    }

    private ResponseMessages.Waiting waiting(Context context, long prospectId, ResponseWatchStore.Progress progress,
            ResponseMatcher matcher, int i) {
        LiveDesign.Action action = matcher.action(i);
        Instant performedAt = Instant.ofEpochSecond(matcher.performedAt(i));
        List<String> touchpoints = action.answerers().stream().mapToObj(ref -> context.design().live().touch(ref).key())
                .sorted().toList();
        return new ResponseMessages.Waiting(context.journey(), progress.externalId(), context.names().apply(prospectId), action,
                touchpoints,
                performedAt, performedAt.plusSeconds(action.slaSeconds()));
    }

    /**
     * The occurrence's identity in the outbox, one message per occurrence, type and subscription: the same action
     * performed twice in one second is told apart by its rank among them.
     */
    private static String occurrence(long prospectId, int actionRef, long performedAt, Set<String> seen) {
        int nth = 0;
        String id;
        do {
            id = "response:" + prospectId + ":" + actionRef + ":" + performedAt + ":" + nth++;
        } while (!seen.add(id));
        return id;
    }

    /** The longest warnBefore among the team's warning subscriptions: a new action is first looked at that long before it is due. */
    private static Duration earliestWarning(List<SubscriptionView> subscribed) {
        return subscribed.stream().filter(s -> s.enabled() && s.warnBefore() != null
                && s.types().contains(AlertType.RESPONSE_DUE_SOON.wire()))
                .map(s -> IsoDurations.parsePositive(s.warnBefore()).orElse(Duration.ZERO)).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    private List<SubscriptionView> subscribers(long teamId) {
        return subscriptions.responseSubscribers(teamId).stream().map(SubscriptionStore.Row::view).toList();
    }

    private Design design(long journeyId, long version, Supplier<LiveDesign> load) {
        return designs.get(journeyId + ":" + version, k -> Design.of(load.get()));
    }

    private LiveDesign loadDesign(long teamId, String journeyKey) {
        JourneyEntity journey = journeys.requireByKey(teamId, journeyKey);
        try (Connection connection = dataSource.getConnection()) {
            return LiveDesign.of(journeys.load(journey), ElementRefs.load(connection, journey.id));
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
