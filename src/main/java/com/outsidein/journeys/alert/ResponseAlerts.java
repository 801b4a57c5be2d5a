package com.outsidein.journeys.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.journey.JourneyWritten;
import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;
import com.outsidein.journeys.report.live.LiveDesign;
import com.outsidein.journeys.report.live.ResponseMatcher;

/**
 * {@code response.due_soon}, {@code response.overdue} and {@code response.resolved}. Each ingest re-matches the
 * prospects it changed with the open-responses report's own {@link ResponseMatcher}, whatever order their events
 * arrived in, and keeps {@code response_watch} (the actions waiting, with when to look again) in step, in the
 * ingest's transaction: an answer deletes its row (and resolves it for whoever heard it was overdue), an action
 * arriving already overdue is told at once. The sweep ({@link ResponseSweep}) tells what falls due with time.
 */
@ApplicationScoped
class ResponseAlerts {

    /** A journey's design as the alerts read it, with the refs whose events can change what is waiting. */
    record Design(LiveDesign live, BitSet slaActions, BitSet answerers) {
        static Design of(LiveDesign live) {
            BitSet actions = new BitSet();
            BitSet answerers = new BitSet();
            for (int ref = 0; ref < 1 << com.outsidein.journeys.progress.ProgressEntries.ELEMENT_REF_BITS; ref++) {
                LiveDesign.Action action = live.action(ref);
                if (action != null && action.hasSla()) {
                    actions.set(ref);
                    answerers.or(action.answerers());
                }
            }
            return new Design(live, actions, answerers);
        }
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
     * Runs in the ingest's transaction, after its progress merge (which holds the prospects' row locks, so two
     * batches never re-match one prospect at once). Only teams with a response subscription pay for it.
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
        Set<Long> prospects = new TreeSet<>();
        for (ProspectsProgressed.Change change : batch.changes()) {
            boolean action = change.type() == EventType.ACTION_PERFORMED;
            int ref = batch.refs().ref(action ? ElementKind.ACTION : ElementKind.TOUCHPOINT, change.element());
            if (action ? design.slaActions().get(ref) : design.answerers().get(ref)) {
                prospects.add(change.prospectId());
            }
        }
        if (prospects.isEmpty()) {
            return;
        }
        Instant now = clock.now();
        Map<Long, ResponseWatchStore.Progress> progress = watch.progress(prospects);
        Map<Long, List<ResponseWatchStore.Watched>> watched = watch.lock(prospects);
        ResponseMatcher matcher = new ResponseMatcher(design.live());
        List<ResponseWatchStore.Watched> inserts = new ArrayList<>();
        List<ResponseWatchStore.Key> deletes = new ArrayList<>();
        for (long prospectId : prospects) {
            ResponseWatchStore.Progress p = progress.get(prospectId);
            matcher.match(p.actions(), p.touches(), Long.MAX_VALUE);
            Map<ResponseWatchStore.Key, Integer> occurrences = occurrences(prospectId, matcher);
            Map<ResponseWatchStore.Key, ResponseWatchStore.Watched> known = new HashMap<>();
            for (ResponseWatchStore.Watched w : watched.getOrDefault(prospectId, List.of())) {
                known.put(w.key(), w);
                Integer i = occurrences.get(w.key());
                if (i != null && !matcher.answered(i)) {
                    continue;
                }
                deletes.add(w.key());
                if (i != null && w.overdueAt() != null) {
                    resolve(batch.journeyKey(), subscribed, waiting(batch.journeyKey(), p, design, matcher, i), w.key(),
                            new ResponseMessages.Answer(Instant.ofEpochSecond(matcher.answeredAt(i)), matcher.answeredBy(i)), now);
                }
            }
            occurrences.forEach((key, i) -> {
                if (matcher.answered(i) || known.containsKey(key)) {
                    return;
                }
                ResponseMessages.Waiting waiting = waiting(batch.journeyKey(), p, design, matcher, i);
                ResponseSchedule.Decision decision = ResponseSchedule.decide(waiting.dueAt(), now, config.maxAge(),
                        ResponseSchedule.targets(subscribed, batch.journeyKey(), waiting.action().owners()));
                if (!decision.tooOld()) {
                    boolean toldOverdue = send(decision, waiting, key, subscribed, now);
                    inserts.add(new ResponseWatchStore.Watched(key, waiting.dueAt(), decision.nextAt(), toldOverdue ? now : null));
                }
            });
        }
        watch.delete(deletes);
        watch.insert(batch.journeyId(), inserts);
    }

    /** A design write may have changed SLAs: the sweep looks again at the journey's waiting actions. */
    void onDesignWrite(@Observes JourneyWritten write) {
        if (!subscribers(write.caller().teamId()).isEmpty()) {
            journeys.findByKey(write.caller().teamId(), write.journey()).ifPresent(j -> watch.lookAgain(j.id, clock.now()));
        }
    }

    /** Tells what has come due for claimed occurrences, in the sweep's transaction; returns how many it claimed. */
    int sweep(int most) {
        Instant now = clock.now();
        List<ResponseWatchStore.Due> claimed = watch.claimDue(now, most);
        Map<Long, List<SubscriptionView>> byTeam = new HashMap<>();
        List<ResponseWatchStore.Watched> updates = new ArrayList<>();
        List<ResponseWatchStore.Key> deletes = new ArrayList<>();
        for (ResponseWatchStore.Due due : claimed) {
            ResponseWatchStore.Watched w = due.watched();
            Design design = design(due.journeyId(), due.version(), () -> loadDesign(due.teamId(), due.journey()));
            LiveDesign.Action action = design.live().action(w.key().actionRef());
            if (action == null || !action.hasSla()) {
                deletes.add(w.key());
                continue;
            }
            // The SLA as the design says now, as the open report computes it.
            ResponseMessages.Waiting waiting = new ResponseMessages.Waiting(due.journey(), due.prospect(), due.name(), action,
                    touchpoints(design, action), w.key().performedAt(), w.key().performedAt().plusSeconds(action.slaSeconds()));
            List<SubscriptionView> subscribed = byTeam.computeIfAbsent(due.teamId(), this::subscribers);
            ResponseSchedule.Decision decision = ResponseSchedule.decide(waiting.dueAt(), now, config.maxAge(),
                    ResponseSchedule.targets(subscribed, due.journey(), action.owners()));
            boolean toldOverdue = send(decision, waiting, w.key(), subscribed, now);
            updates.add(new ResponseWatchStore.Watched(w.key(), waiting.dueAt(), decision.nextAt(),
                    toldOverdue ? now : w.overdueAt()));
        }
        watch.delete(deletes);
        watch.update(updates);
        return claimed.size();
    }

    private List<SubscriptionView> subscribers(long teamId) {
        return subscriptions.responseSubscribers(teamId).stream().map(SubscriptionStore.Row::view).toList();
    }

    /** The prospect's occurrences of actions with an SLA, by key, as indexes into the matcher's outcomes. */
    private static Map<ResponseWatchStore.Key, Integer> occurrences(long prospectId, ResponseMatcher matcher) {
        Map<ResponseWatchStore.Key, Integer> found = new HashMap<>();
        for (int i = 0; i < matcher.size(); i++) {
            if (!matcher.action(i).hasSla()) {
                continue;
            }
            Instant performedAt = Instant.ofEpochSecond(matcher.performedAt(i));
            int nth = 0;
            ResponseWatchStore.Key key;
            do {
                key = new ResponseWatchStore.Key(prospectId, matcher.actionRef(i), performedAt, nth++);
            } while (found.containsKey(key));
            found.put(key, i);
        }
        return found;
    }

    private static ResponseMessages.Waiting waiting(String journey, ResponseWatchStore.Progress p, Design design,
            ResponseMatcher matcher, int i) {
        LiveDesign.Action action = matcher.action(i);
        Instant performedAt = Instant.ofEpochSecond(matcher.performedAt(i));
        return new ResponseMessages.Waiting(journey, p.externalId(), p.name(), action, touchpoints(design, action), performedAt,
                performedAt.plusSeconds(action.slaSeconds()));
    }

    private static List<String> touchpoints(Design design, LiveDesign.Action action) {
        return action.answerers().stream().mapToObj(ref -> design.live().touch(ref).key()).sorted().toList();
    }

    /** Writes the decision's messages; true when it told anyone the occurrence is overdue. */
    private boolean send(ResponseSchedule.Decision decision, ResponseMessages.Waiting waiting, ResponseWatchStore.Key key,
            List<SubscriptionView> subscribed, Instant now) {
        boolean overdue = false;
        for (ResponseSchedule.Send send : decision.now()) {
            enqueue(send.type(), waiting, null, key, format(subscribed, send.subscriptionId()), send.subscriptionId(), now);
            overdue |= send.type() == AlertType.RESPONSE_OVERDUE;
        }
        return overdue;
    }

    /** {@code response.resolved} for the subscriptions that heard the occurrence was overdue and want to hear this. */
    private void resolve(String journey, List<SubscriptionView> subscribed, ResponseMessages.Waiting waiting,
            ResponseWatchStore.Key key, ResponseMessages.Answer answer, Instant now) {
        List<String> wanting = ResponseSchedule.targets(subscribed, journey, waiting.action().owners()).stream()
                .filter(ResponseSchedule.Target::resolved).map(ResponseSchedule.Target::subscriptionId).toList();
        for (String id : subscriptions.toldOverdue(wanting, occurrence(key))) {
            enqueue(AlertType.RESPONSE_RESOLVED, waiting, answer, key, format(subscribed, id), id, now);
        }
    }

    private void enqueue(AlertType type, ResponseMessages.Waiting waiting, ResponseMessages.Answer answer,
            ResponseWatchStore.Key key, String format, String subscriptionId, Instant now) {
        subscriptions.enqueue(SubscriptionService.messageId(), subscriptionId, type.wire(), occurrence(key),
                ResponseMessages.body(json, type, waiting, answer, now, format), now.atOffset(java.time.ZoneOffset.UTC));
    }

    private static String occurrence(ResponseWatchStore.Key key) {
        return ResponseMessages.Waiting.occurrence(key.prospectId(), key.actionRef(), key.performedAt(), key.nth());
    }

    private static String format(List<SubscriptionView> subscribed, String id) {
        return subscribed.stream().filter(s -> s.id().equals(id)).findFirst().map(SubscriptionView::format).orElse("standard");
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
