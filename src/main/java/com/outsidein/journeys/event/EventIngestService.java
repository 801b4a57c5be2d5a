package com.outsidein.journeys.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.common.FieldError;
import com.outsidein.journeys.common.ProblemException;
import com.outsidein.journeys.common.ProblemMapper;
import com.outsidein.journeys.journey.ActionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.journey.StepDocument;
import com.outsidein.journeys.security.Caller;

/**
 * Stores a validated batch in one transaction with a handful of set-based statements (unnest arrays,
 * not row-by-row inserts), and folds the new step entries into each prospect's packed progress.
 */
@ApplicationScoped
public class EventIngestService {

    private static final Logger LOG = Logger.getLogger(EventIngestService.class);
    private static final String DEADLOCK_DETECTED = "40P01";
    static final int DEADLOCK_ATTEMPTS = 3;
    /** A later event's attributes win per key; an earlier one only fills keys the prospect lacks. */
    private static final String ATTRIBUTES_MERGE = "attributes = case when u.attrs is null then p.attributes "
            + "when p.attributes_at is null or u.attrs_at >= p.attributes_at then p.attributes || u.attrs "
            + "else u.attrs || p.attributes end, attributes_at = greatest(p.attributes_at, u.attrs_at) ";

    @Inject
    IngestConfig ingestLimits;
    @Inject
    JourneyRepository journeys;
    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    com.outsidein.journeys.common.AppClock clock;

    /**
     * Stores the batch in one transaction. A deadlock victim has stored nothing and is run again (twice at
     * most): batches lock the rows they share in one order, but another transaction taking the same rows in
     * another order still makes the database pick a victim (the 100 k growth run met one, bench/README.md).
     */
    public IngestResult ingest(Caller caller, String journeyKey, List<EventRequest> batch) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> store(caller, journeyKey, batch));
            } catch (RuntimeException e) {
                if (attempt == DEADLOCK_ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                LOG.infof("Ingest batch was a deadlock victim; running it again (attempt %d of %d). %s", attempt + 1,
                        DEADLOCK_ATTEMPTS, deadlockDetail(e));
            }
        }
    }

    /** Which locks and transactions met: PostgreSQL keeps the statements' text for its own log, so this quotes no SQL. */
    private static String deadlockDetail(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                return String.valueOf(psql.getServerErrorMessage().getDetail());
            }
        }
        return "";
    }

    private static boolean isDeadlock(Throwable e) {
        return DEADLOCK_DETECTED.equals(ProblemMapper.sqlStateOf(e));
    }

    private IngestResult store(Caller caller, String journeyKey, List<EventRequest> batch) {
        JourneyEntity journey = journeys.findByKey(caller.teamId(), journeyKey)
                .orElseThrow(() -> ProblemException.notFound("No journey '" + journeyKey + "'"));
        JourneyDocument doc = journeys.load(journey);
        EventValidator.Checked checked = EventValidator.check(batch, design(doc), clock.nowUtc());
        if (!checked.errors().isEmpty()) {
            // One answer lists every bad item: ids reused with other content included, not only after a retry.
            List<FieldError> errors = new ArrayList<>(checked.errors());
            try (Connection connection = dataSource.getConnection()) {
                errors.addAll(reusedIds(connection, journey.id, checked.valid()));
            } catch (SQLException e) {
                throw new IngestFailedException(e);
            }
            throw EventValidator.invalid(errors);
        }
        List<ValidEvent> events = checked.valid();
        int inBatchDuplicates = batch.size() - events.size();
        if (events.isEmpty()) {
            recordBatch(caller, journey.id, 0, inBatchDuplicates);
            return new IngestResult(0, inBatchDuplicates);
        }
        // A fixed order for rows and locks keeps concurrent batches from deadlocking.
        events.sort(Comparator.comparing(ValidEvent::id));
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Integer> refs = refs(connection, journey.id);
            Map<String, ProspectDelta> deltas = deltas(events, refs);
            // Rows another batch may also want are written as late as possible: its events' prospects first
            // (stored ones, nothing locked), the prospects it creates and the merge into stored ones just
            // before commit. Creating or locking prospects first held rows the next batch of the same stream
            // also wanted through the whole event insert, so two clients ran one after the other
            // (bench/README.md, issue 11).
            Map<String, Long> prospectIds = findProspects(connection, journey.id, deltas.keySet());
            List<ValidEvent> ofStored = events.stream().filter(e -> prospectIds.containsKey(e.prospect())).toList();
            List<ValidEvent> ofUnknown = events.stream().filter(e -> !prospectIds.containsKey(e.prospect())).toList();
            List<ValidEvent> fresh = new ArrayList<>();
            List<ValidEvent> resent = new ArrayList<>();
            insertEvents(connection, journey.id, ofStored, prospectIds, fresh, resent);
            Map<String, ProspectDelta> unknown = new LinkedHashMap<>(deltas);
            unknown.keySet().removeAll(prospectIds.keySet());
            Set<String> created = createProspects(connection, journey.id, unknown, prospectIds);
            // A concurrent batch created one of them since (the insert waited for its commit): merge into it like any other.
            prospectIds.putAll(findProspects(connection, journey.id,
                    unknown.keySet().stream().filter(x -> !created.contains(x)).toList()));
            insertEvents(connection, journey.id, ofUnknown, prospectIds, fresh, resent);
            checkDuplicates(connection, journey.id, resent);
            // A prospect created by this batch already holds all of its events: nothing of it was stored
            // before, so none of its events can be a duplicate (a reused id would have been refused above).
            // Without re-sent events the deltas already built are exactly the fresh ones.
            Map<String, ProspectDelta> existing = new LinkedHashMap<>(resent.isEmpty() ? deltas
                    : deltas(fresh.stream().filter(e -> !created.contains(e.prospect())).toList(), refs));
            existing.keySet().removeAll(created);
            Map<String, Integer> totals = new TreeMap<>();
            fresh.stream().filter(e -> created.contains(e.prospect())).forEach(e -> totals.merge(e.prospect(), 1, Integer::sum));
            totals.putAll(updateProgress(connection, existing, prospectIds));
            refuseOverfullProspects(totals);
            recordIngest(connection, journey.id, fresh);
            recordBatch(caller, journey.id, fresh.size(), batch.size() - fresh.size());
            return new IngestResult(fresh.size(), batch.size() - fresh.size());
        } catch (SQLException e) {
            throw new IngestFailedException(e);
        }
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
     * What a batch adds to each prospect: time span, attributes (a later event wins per key) and packed,
     * sorted step entries, actions and touchpoints. Keyed by external id, in order.
     */
    private record ProspectDelta(long first, long last, String attributes, Long attributesAt,
            String entries, String actions, String touches, String optOuts) {
    }

    /**
     * A bigint[] parameter of epoch microseconds as timestamptz, exact below 2^53 µs (year 2255). Times go
     * to the database as numbers: formatting them as text took a sixth of the service's time per event.
     */
    private static String time(String micros) {
        return "(timestamptz 'epoch' + " + micros + " * interval '1 microsecond')";
    }

    private Map<String, ProspectDelta> deltas(List<ValidEvent> events, Map<String, Integer> refs) {
        Map<String, List<ValidEvent>> byProspect = new TreeMap<>();
        events.forEach(e -> byProspect.computeIfAbsent(e.prospect(), k -> new ArrayList<>()).add(e));
        Map<String, ProspectDelta> deltas = new LinkedHashMap<>();
        byProspect.forEach((prospect, mine) -> {
            mine.sort(Comparator.comparingLong(ValidEvent::epochMicros));
            Map<String, String> merged = new LinkedHashMap<>();
            Long mergedAt = null;
            List<Long> entries = new ArrayList<>();
            List<Long> actions = new ArrayList<>();
            List<Long> touches = new ArrayList<>();
            List<Long> optOuts = new ArrayList<>();
            for (ValidEvent e : mine) {
                if (!e.attributes().isEmpty()) {
                    merged.putAll(e.attributes());
                    mergedAt = e.epochMicros();
                }
                switch (e.type()) {
                    case STEP_ENTERED -> entries.add(ProgressEntries.pack(e.epochSecond(), ref(refs, e)));
                    case ACTION_PERFORMED -> actions.add(ProgressEntries.packElement(e.epochSecond(), ref(refs, e)));
                    case TOUCHPOINT_DELIVERED -> touches.add(ProgressEntries.packElement(e.epochSecond(), ref(refs, e)));
                    case OPTED_OUT -> optOuts.add(ProgressEntries.packElement(e.epochSecond(), ProgressEntries.channelCode(e.element())));
                }
            }
            deltas.put(prospect, new ProspectDelta(mine.get(0).epochMicros(), mine.get(mine.size() - 1).epochMicros(),
                    merged.isEmpty() ? null : toJson(merged), mergedAt, packed(entries), packed(actions), packed(touches),
                    packed(optOuts)));
        });
        return deltas;
    }

    private static int ref(Map<String, Integer> refs, ValidEvent e) {
        return refs.get(e.type().code + ":" + e.element());
    }

    /** Sorted packed values as a PostgreSQL array literal; same-second events of one kind sort by ref. */
    private static String packed(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        StringBuilder out = new StringBuilder("{");
        for (Long v : values) {
            out.append(out.length() == 1 ? "" : ",").append(v);
        }
        return out.append('}').toString();
    }

    /**
     * Inserts the prospects this batch sees first, complete with their progress, so a new prospect is
     * written once, not inserted empty and then rewritten. Returns the external ids it created.
     */
    private Set<String> createProspects(Connection connection, long journeyId, Map<String, ProspectDelta> deltas,
            Map<String, Long> ids) throws SQLException {
        Set<String> created = new HashSet<>();
        if (deltas.isEmpty()) {
            return created;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into prospect (journey_id, external_id, first_seen_at, last_event_at, attributes, attributes_at, "
                        + "entries, actions, touches, opt_outs) "
                        + "select ?, x, " + time("f") + ", " + time("l") + ", coalesce(a, '{}'), " + time("a_at") + ", "
                        + "coalesce(e::bigint[], '{}'), coalesce(ac::bigint[], '{}'), coalesce(t::bigint[], '{}'), coalesce(o::bigint[], '{}') "
                        + "from unnest(?::text[], ?::bigint[], ?::bigint[], ?::jsonb[], ?::bigint[], "
                        + "?::text[], ?::text[], ?::text[], ?::text[]) as u(x, f, l, a, a_at, e, ac, t, o) "
                        + "on conflict (journey_id, external_id) do nothing returning external_id, id")) {
            insert.setLong(1, journeyId);
            bindDeltas(connection, insert, 2, deltas, true);
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    created.add(rs.getString(1));
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return created;
    }

    /** Binds externals (when asked), first, last, attributes, attributes time, entries, actions, touches, opt-outs. */
    private static void bindDeltas(Connection connection, PreparedStatement statement, int from,
            Map<String, ProspectDelta> deltas, boolean externals) throws SQLException {
        List<ProspectDelta> values = List.copyOf(deltas.values());
        int i = from;
        if (externals) {
            statement.setArray(i++, connection.createArrayOf("text", deltas.keySet().toArray()));
        }
        statement.setArray(i++, connection.createArrayOf("bigint", values.stream().map(ProspectDelta::first).toArray()));
        statement.setArray(i++, connection.createArrayOf("bigint", values.stream().map(ProspectDelta::last).toArray()));
        statement.setArray(i++, connection.createArrayOf("text", values.stream().map(ProspectDelta::attributes).toArray()));
        statement.setArray(i++, connection.createArrayOf("bigint", values.stream().map(ProspectDelta::attributesAt).toArray()));
        statement.setArray(i++, connection.createArrayOf("text", values.stream().map(ProspectDelta::entries).toArray()));
        statement.setArray(i++, connection.createArrayOf("text", values.stream().map(ProspectDelta::actions).toArray()));
        statement.setArray(i++, connection.createArrayOf("text", values.stream().map(ProspectDelta::touches).toArray()));
        statement.setArray(i, connection.createArrayOf("text", values.stream().map(ProspectDelta::optOuts).toArray()));
    }

    /** The stored prospects among these external ids, by external id; nothing is locked. */
    private Map<String, Long> findProspects(Connection connection, long journeyId, Collection<String> externals)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (externals.isEmpty()) {
            return ids;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select external_id, id from prospect where journey_id = ? and external_id = any(?)")) {
            select.setLong(1, journeyId);
            select.setArray(2, connection.createArrayOf("text", externals.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
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

    /** Inserts the events not stored yet (sorted by id), adding each to {@code fresh} or, when already stored, {@code resent}. */
    private void insertEvents(Connection connection, long journeyId, List<ValidEvent> events, Map<String, Long> prospectIds,
            List<ValidEvent> fresh, List<ValidEvent> resent) throws SQLException {
        int n = events.size();
        if (n == 0) {
            return;
        }
        String[] ids = new String[n];
        Long[] prospects = new Long[n];
        Short[] types = new Short[n];
        String[] elements = new String[n];
        Long[] times = new Long[n];
        String[] attributes = new String[n];
        for (int i = 0; i < n; i++) {
            ValidEvent e = events.get(i);
            ids[i] = e.id().toString();
            prospects[i] = prospectIds.get(e.prospect());
            types[i] = e.type().code;
            elements[i] = e.element();
            times[i] = e.epochMicros();
            attributes[i] = e.attributes().isEmpty() ? null : toJson(e.attributes());
        }
        List<UUID> inserted = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into event (journey_id, id, prospect_id, type, element, occurred_at, attributes) "
                        + "select ?, i, p, t, el, " + time("o") + ", a from unnest(?::uuid[], ?::bigint[], ?::smallint[], ?::text[], "
                        + "?::bigint[], ?::jsonb[]) as u(i, p, t, el, o, a) "
                        + "on conflict (journey_id, id) do nothing returning id")) {
            insert.setLong(1, journeyId);
            insert.setArray(2, connection.createArrayOf("text", ids));
            insert.setArray(3, connection.createArrayOf("bigint", prospects));
            insert.setArray(4, connection.createArrayOf("smallint", types));
            insert.setArray(5, connection.createArrayOf("text", elements));
            insert.setArray(6, connection.createArrayOf("bigint", times));
            insert.setArray(7, connection.createArrayOf("text", attributes));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        // Both lists in the same order: a merge walk, no hashing of ids (structured ids hash badly).
        inserted.sort(null);
        for (int i = 0, j = 0; i < n; i++) {
            boolean isNew = j < inserted.size() && events.get(i).id().equals(inserted.get(j));
            (isNew ? fresh : resent).add(events.get(i));
            j += isNew ? 1 : 0;
        }
    }

    /** A re-sent id must carry the same event; different content under a known id is refused whole. */
    private void checkDuplicates(Connection connection, long journeyId, List<ValidEvent> duplicates) throws SQLException {
        List<FieldError> errors = reusedIds(connection, journeyId, duplicates);
        if (!errors.isEmpty()) {
            throw EventValidator.invalid(errors);
        }
    }

    /** The items whose id is stored with other content: one error each, by index. */
    private List<FieldError> reusedIds(Connection connection, long journeyId, List<ValidEvent> duplicates) throws SQLException {
        if (duplicates.isEmpty()) {
            return List.of();
        }
        Map<UUID, ValidEvent> sent = duplicates.stream().collect(Collectors.toMap(ValidEvent::id, e -> e));
        List<FieldError> errors = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select e.id, p.external_id, e.type, e.element, e.occurred_at, e.attributes::text from event e "
                        + "join prospect p on p.id = e.prospect_id where e.journey_id = ? and e.id = any(?::uuid[])")) {
            select.setLong(1, journeyId);
            select.setArray(2, connection.createArrayOf("text", sent.keySet().stream().map(UUID::toString).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ValidEvent mine = sent.get(rs.getObject(1, UUID.class));
                    ValidEvent stored = new ValidEvent(-1, mine.id(), rs.getString(2), EventType.of(rs.getShort(3)),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class), fromJson(rs.getString(6)));
                    if (!stored.sameContent(mine)) {
                        errors.add(new FieldError("[" + mine.index() + "].id",
                                "was already received with different content; send a new id for a new event"));
                    }
                }
            }
        }
        return errors;
    }

    /** Permanent refs of the journey's elements, keyed by type code and key, e.g. "1:decides". */
    private Map<String, Integer> refs(Connection connection, long journeyId) throws SQLException {
        Map<String, Integer> refs = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select '1:' || step_key, ref from step_ref where journey_id = ? union all "
                        + "select case kind when 'A' then '2:' else '3:' end || element_key, ref from element_ref where journey_id = ?")) {
            select.setLong(1, journeyId);
            select.setLong(2, journeyId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    refs.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return refs;
    }

    /**
     * Merges a batch's deltas into prospects that existed before it: sorted packed arrays, time span, then
     * attributes. Rows are locked in prospect id order, the order every batch uses; answers each merged
     * prospect's event count after the merge.
     */
    private Map<String, Integer> updateProgress(Connection connection, Map<String, ProspectDelta> deltas,
            Map<String, Long> prospectIds) throws SQLException {
        Map<String, Integer> totals = new HashMap<>();
        if (deltas.isEmpty()) {
            return totals;
        }
        Map<String, ProspectDelta> byId = new LinkedHashMap<>();
        deltas.keySet().stream().sorted(Comparator.comparing(prospectIds::get)).forEach(x -> byId.put(x, deltas.get(x)));
        // Attributes go in the same statement when most merged prospects bring some (a row whose document
        // changes is rewritten whole either way), in a second one when few do: assigning them makes the
        // generated identity columns be recomputed on every row (bench/README.md, issue 11).
        List<String> carrying = byId.keySet().stream().filter(x -> byId.get(x).attributes() != null).toList();
        boolean attributesInline = carrying.size() * 2 > byId.size();
        try (PreparedStatement update = connection.prepareStatement(
                "with u as (select pid, " + time("f") + " as first_at, " + time("l") + " as last_at, attrs, " + time("a_at")
                        + "  as attrs_at, e::bigint[] as e, a::bigint[] as a, t::bigint[] as t, "
                        + "  o::bigint[] as o from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::jsonb[], ?::bigint[], "
                        + "  ?::text[], ?::text[], ?::text[], ?::text[]) as u(pid, f, l, attrs, a_at, e, a, t, o)) "
                        + "update prospect p set "
                        + "  entries = case when u.e is null then p.entries "
                        + "    else array(select v from unnest(p.entries || u.e) as v order by v) end, "
                        + "  actions = case when u.a is null then p.actions "
                        + "    else array(select v from unnest(p.actions || u.a) as v order by v) end, "
                        + "  touches = case when u.t is null then p.touches "
                        + "    else array(select v from unnest(p.touches || u.t) as v order by v) end, "
                        + "  opt_outs = case when u.o is null then p.opt_outs "
                        + "    else array(select v from unnest(p.opt_outs || u.o) as v order by v) end, "
                        + "  first_seen_at = least(p.first_seen_at, u.first_at), "
                        + "  last_event_at = greatest(p.last_event_at, u.last_at)"
                        + (attributesInline ? ", " + ATTRIBUTES_MERGE : " ")
                        + "from u where p.id = u.pid "
                        + "returning p.external_id, cardinality(p.entries) + cardinality(p.actions) + cardinality(p.touches) "
                        + "  + cardinality(p.opt_outs)")) {
            update.setArray(1, connection.createArrayOf("bigint", byId.keySet().stream().map(prospectIds::get).toArray()));
            bindDeltas(connection, update, 2, byId, false);
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        if (!attributesInline) {
            mergeAttributes(connection, byId, prospectIds, carrying);
        }
        return totals;
    }

    /**
     * Merges attributes into the few merged prospects whose events carried some, already locked by the merge
     * of their progress. Assigning {@code attributes} makes PostgreSQL recompute the identity columns
     * generated from it on every row: a merge that left them out took 94 ms a batch of 10,000 against 133,
     * while for a batch where every prospect's document changes one statement took 293 ms against 412 for
     * two (bench/sql/batch-cost.sh, issue 11).
     */
    private void mergeAttributes(Connection connection, Map<String, ProspectDelta> byId, Map<String, Long> prospectIds,
            List<String> carrying) throws SQLException {
        if (carrying.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update prospect p set " + ATTRIBUTES_MERGE + " from (select pid, attrs, " + time("a_at") + " as attrs_at "
                        + "  from unnest(?::bigint[], ?::jsonb[], ?::bigint[]) as u(pid, attrs, a_at)) u where p.id = u.pid")) {
            update.setArray(1, connection.createArrayOf("bigint", carrying.stream().map(prospectIds::get).toArray()));
            update.setArray(2, connection.createArrayOf("text", carrying.stream().map(x -> byId.get(x).attributes()).toArray()));
            update.setArray(3, connection.createArrayOf("bigint", carrying.stream().map(x -> byId.get(x).attributesAt()).toArray()));
            update.executeUpdate();
        }
    }

    private void recordIngest(Connection connection, long journeyId, List<ValidEvent> fresh) throws SQLException {
        OffsetDateTime latest = fresh.stream().map(ValidEvent::occurredAt).max(Comparator.naturalOrder()).orElse(null);
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into journey_ingest (journey_id, events, last_event_at, last_ingest_at) values (?, ?, ?, now()) "
                        + "on conflict (journey_id) do update set events = journey_ingest.events + excluded.events, "
                        + "last_event_at = greatest(journey_ingest.last_event_at, excluded.last_event_at), "
                        + "last_ingest_at = now()")) {
            upsert.setLong(1, journeyId);
            upsert.setLong(2, fresh.size());
            upsert.setObject(3, latest);
            upsert.executeUpdate();
        }
    }

    /** The trail: which key sent a batch, and what came of it. */
    private void recordBatch(Caller caller, long journeyId, int accepted, int duplicates) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into ingest_batch (journey_id, at, key_id, key_name, accepted, duplicates) values (?, now(), ?, ?, ?, ?)")) {
            insert.setLong(1, journeyId);
            insert.setString(2, caller.keyId());
            insert.setString(3, caller.keyName());
            insert.setInt(4, accepted);
            insert.setInt(5, duplicates);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IngestFailedException(e);
        }
    }

    private String toJson(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database failure inside ingest; the problem mapper decides between 503 and 500. */
    static final class IngestFailedException extends RuntimeException {
        IngestFailedException(SQLException cause) {
            super(cause);
        }
    }

}
