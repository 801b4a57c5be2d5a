package com.outsidein.journeys.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.outsidein.journeys.database.DatabaseFailure;
import com.outsidein.journeys.database.DeadlockRetry;
import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.journey.ActionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.journey.StepDocument;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.progress.ElementRefs;
import com.outsidein.journeys.security.Caller;

/**
 * Stores a validated batch in one transaction: the deltas it adds to each prospect ({@link ProspectDeltas}),
 * written by {@link EventWriter}, recorded in the {@link IngestTrail}. Owns the transaction and the deadlock retry.
 */
@ApplicationScoped
public class EventIngestService {


    @Inject
    IngestConfig ingestLimits;
    @Inject
    JourneyRepository journeys;
    @Inject
    DataSource dataSource;
    @Inject
    EventWriter writer;
    @Inject
    IngestTrail trail;
    @Inject
    AppClock clock;
    @Inject
    Event<ProspectsProgressed> progressed;

    /** Stores the batch in one transaction, run again when it was a deadlock victim ({@link DeadlockRetry}). */
    public IngestResult ingest(Caller caller, String journeyKey, List<EventRequest> batch) {
        return DeadlockRetry.inNewTransaction("Ingest batch", () -> store(caller, journeyKey, batch, false));
    }

    /**
     * Stores one journey's share of a source's batch in the caller's transaction (the source owns it, so a
     * batch feeding several journeys is stored whole or not at all). A re-sent event is a duplicate even when
     * its content differs: a CDP re-sends a call with a new {@code sentAt}, which moves the corrected time.
     */
    public IngestResult ingestFromSource(Caller caller, String journeyKey, List<EventRequest> events) {
        return store(caller, journeyKey, events, true);
    }

    /**
     * Sets attributes of a team's prospects of that external id, in every journey where one exists, in the
     * caller's transaction; by the rule events follow (a later time wins per key).
     */
    public void updateAttributes(long teamId, List<AttributeUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            writer.updateAttributes(connection, teamId, updates);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private IngestResult store(Caller caller, String journeyKey, List<EventRequest> batch, boolean resentAreDuplicates) {
        JourneyEntity journey = journeys.requireByKey(caller.teamId(), journeyKey);
        JourneyDocument doc = journeys.load(journey);
        EventValidator.Checked checked = EventValidator.check(batch, design(doc), clock.nowUtc());
        if (!checked.errors().isEmpty()) {
            // One answer lists every bad item: ids reused with other content included, not only after a retry.
            List<FieldError> errors = new ArrayList<>(checked.errors());
            try (Connection connection = dataSource.getConnection()) {
                errors.addAll(writer.reusedIds(connection, journey.id, checked.valid()));
            } catch (SQLException e) {
                throw new DatabaseFailure(e);
            }
            throw EventValidator.invalid(errors);
        }
        List<ValidEvent> events = checked.valid();
        int inBatchDuplicates = batch.size() - events.size();
        if (events.isEmpty()) {
            trail.record(caller, journey.id, 0, inBatchDuplicates);
            return new IngestResult(0, inBatchDuplicates);
        }
        try (Connection connection = dataSource.getConnection()) {
            ElementRefs refs = ElementRefs.load(connection, journey.id);
            Map<String, ProspectDeltas.Delta> deltas = ProspectDeltas.of(events, refs, writer::toJson);
            // Rows another batch may also want are written as late as possible: its events' prospects first
            // (stored ones, nothing locked), the prospects it creates and the merge into stored ones just
            // before commit. Creating or locking prospects first held rows the next batch of the same stream
            // also wanted through the whole event insert, so two clients ran one after the other
            // (docs/architecture.md, "Ingest lock order").
            Map<String, Long> prospectIds = writer.findProspects(connection, journey.id, deltas.keySet());
            List<ValidEvent> ofStored = events.stream().filter(e -> prospectIds.containsKey(e.prospect())).toList();
            List<ValidEvent> ofUnknown = events.stream().filter(e -> !prospectIds.containsKey(e.prospect())).toList();
            List<ValidEvent> fresh = new ArrayList<>();
            List<ValidEvent> resent = new ArrayList<>();
            writer.insertEvents(connection, journey.id, ofStored, prospectIds, fresh, resent);
            Map<String, ProspectDeltas.Delta> unknown = new LinkedHashMap<>(deltas);
            unknown.keySet().removeAll(prospectIds.keySet());
            Set<String> created = writer.createProspects(connection, journey.id, unknown, prospectIds);
            // A concurrent batch created one of them since (the insert waited for its commit): merge into it like any other.
            prospectIds.putAll(writer.findProspects(connection, journey.id,
                    unknown.keySet().stream().filter(x -> !created.contains(x)).toList()));
            writer.insertEvents(connection, journey.id, ofUnknown, prospectIds, fresh, resent);
            if (!resentAreDuplicates) {
                checkDuplicates(connection, journey.id, resent);
            }
            // A prospect created by this batch already holds all of its events: nothing of it was stored
            // before, so none of its events can be a duplicate (a reused id would have been refused above).
            // Without re-sent events the deltas already built are exactly the fresh ones.
            Map<String, ProspectDeltas.Delta> existing = new LinkedHashMap<>(resent.isEmpty() ? deltas
                    : ProspectDeltas.of(fresh.stream().filter(e -> !created.contains(e.prospect())).toList(), refs,
                            writer::toJson));
            existing.keySet().removeAll(created);
            Map<String, Integer> totals = new TreeMap<>();
            fresh.stream().filter(e -> created.contains(e.prospect())).forEach(e -> totals.merge(e.prospect(), 1, Integer::sum));
            totals.putAll(writer.updateProgress(connection, existing, prospectIds));
            refuseOverfullProspects(totals);
            progressed.fire(new ProspectsProgressed(caller.teamId(), journey.id, journey.key, journey.version, doc, refs,
                    changes(fresh, prospectIds)));
            writer.recordIngest(connection, journey.id, fresh);
            trail.record(caller, journey.id, fresh.size(), batch.size() - fresh.size());
            return new IngestResult(fresh.size(), batch.size() - fresh.size());
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static List<ProspectsProgressed.Change> changes(List<ValidEvent> fresh, Map<String, Long> prospectIds) {
        return fresh.stream().filter(e -> e.type() == EventType.ACTION_PERFORMED || e.type() == EventType.TOUCHPOINT_DELIVERED)
                .map(e -> new ProspectsProgressed.Change(prospectIds.get(e.prospect()), e.type(), e.element(), e.epochSecond()))
                .toList();
    }

    private static EventValidator.Design design(JourneyDocument doc) {
        Set<String> steps = new HashSet<>();
        Set<String> actions = new HashSet<>();
        Set<String> touchpoints = new HashSet<>();
        for (StepDocument step : doc.steps()) {
            steps.add(step.key());
            step.actions().stream().map(ActionDocument::key).forEach(actions::add);
            step.touchpoints().forEach(t -> touchpoints.add(t.key()));
        }
        return new EventValidator.Design(steps, actions, touchpoints);
    }

    /**
     * Refuses the whole batch (nothing is stored: the transaction rolls back) when it takes a prospect past
     * the limit: every ingest merges into a prospect's arrays and reports read them whole. The totals are
     * the prospects' event counts after this batch, read under the merge's row locks.
     */
    private void refuseOverfullProspects(Map<String, Integer> totals) {
        int limit = ingestLimits.maxEventsPerProspect();
        List<FieldError> errors = new ArrayList<>();
        totals.forEach((prospect, total) -> {
            if (total > limit) {
                errors.add(new FieldError("prospect " + prospect, "would have " + total + " events; a prospect may have at most "
                        + limit + " (JOURNEYS_INGEST_MAX_EVENTS_PER_PROSPECT)"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Prospects over the event limit; nothing was stored", errors);
        }
    }

    /** A re-sent id must carry the same event; different content under a known id is refused whole. */
    private void checkDuplicates(Connection connection, long journeyId, List<ValidEvent> duplicates) throws SQLException {
        List<FieldError> errors = writer.reusedIds(connection, journeyId, duplicates);
        if (!errors.isEmpty()) {
            throw EventValidator.invalid(errors);
        }
    }
}
