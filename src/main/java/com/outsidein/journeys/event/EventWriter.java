package com.outsidein.journeys.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.problem.FieldError;

/**
 * The SQL of ingest: set-based statements over unnest arrays (not row-by-row inserts) that write events,
 * create prospects and merge a batch's deltas into stored ones. Callers own the connection and transaction.
 */
@ApplicationScoped
class EventWriter {

    /** A later event's attributes win per key; an earlier one only fills keys the prospect lacks. */
    private static final String ATTRIBUTES_MERGE = "attributes = case when u.attrs is null then p.attributes "
            + "when p.attributes_at is null or u.attrs_at >= p.attributes_at then p.attributes || u.attrs "
            + "else u.attrs || p.attributes end, attributes_at = greatest(p.attributes_at, u.attrs_at) ";

    @Inject
    ObjectMapper json;

    /**
     * A bigint[] parameter of epoch microseconds as timestamptz, exact below 2^53 µs (year 2255). Times go
     * to the database as numbers: formatting them as text took a sixth of the service's time per event.
     */
    private static String time(String micros) {
        return "(timestamptz 'epoch' + " + micros + " * interval '1 microsecond')";
    }

    /**
     * Plans this statement for each batch, with the batch's own values. After five runs on a connection the driver
     * prepares a statement on the server, and PostgreSQL may then keep a generic plan made while the tables were
     * small: for the lookup of a batch's prospects, a sequential scan of prospect testing each row against the
     * batch's 10,000 external ids, so each batch of a later import cost in proportion to everything stored before
     * it (docs/architecture.md, "Plans"). Only the statements that find rows among stored ones need it: planning
     * every statement per batch cost the inserts more than it saved.
     */
    private static PreparedStatement planEachRun(PreparedStatement statement) throws SQLException {
        statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    /** The stored prospects among these external ids, by external id; nothing is locked. */
    Map<String, Long> findProspects(Connection connection, long journeyId, Collection<String> externals)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (externals.isEmpty()) {
            return ids;
        }
        try (PreparedStatement select = planEachRun(connection.prepareStatement(
                "select external_id, id from prospect where journey_id = ? and external_id = any(?)"))) {
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
     * Inserts the events not stored yet, adding each to {@code fresh} or, when its prospect already has its id,
     * {@code resent}. Rows go in key order (prospect, id), the order every batch takes its key locks in.
     */
    void insertEvents(Connection connection, long journeyId, List<ValidEvent> events, Map<String, Long> prospectIds,
            List<ValidEvent> fresh, List<ValidEvent> resent) throws SQLException {
        int n = events.size();
        if (n == 0) {
            return;
        }
        List<ValidEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.<ValidEvent>comparingLong(e -> prospectIds.get(e.prospect())).thenComparing(ValidEvent::id));
        String[] ids = new String[n];
        Long[] prospects = new Long[n];
        Short[] types = new Short[n];
        String[] elements = new String[n];
        Long[] times = new Long[n];
        String[] attributes = new String[n];
        for (int i = 0; i < n; i++) {
            ValidEvent e = ordered.get(i);
            ids[i] = e.id().toString();
            prospects[i] = prospectIds.get(e.prospect());
            types[i] = e.type().code;
            elements[i] = e.element();
            times[i] = e.epochMicros();
            attributes[i] = e.attributes().isEmpty() ? null : toJson(e.attributes());
        }
        List<StoredKey> inserted = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into event (journey_id, id, prospect_id, type, element, occurred_at, attributes) "
                        + "select ?, i, p, t, el, " + time("o") + ", a from unnest(?::uuid[], ?::bigint[], ?::smallint[], ?::text[], "
                        + "?::bigint[], ?::jsonb[]) as u(i, p, t, el, o, a) "
                        + "on conflict (prospect_id, id) do nothing returning prospect_id, id")) {
            insert.setLong(1, journeyId);
            insert.setArray(2, connection.createArrayOf("text", ids));
            insert.setArray(3, connection.createArrayOf("bigint", prospects));
            insert.setArray(4, connection.createArrayOf("smallint", types));
            insert.setArray(5, connection.createArrayOf("text", elements));
            insert.setArray(6, connection.createArrayOf("bigint", times));
            insert.setArray(7, connection.createArrayOf("text", attributes));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(new StoredKey(rs.getLong(1), rs.getObject(2, UUID.class)));
                }
            }
        }
        // Both lists in the same order: a merge walk, no hashing of ids (structured ids hash badly).
        inserted.sort(Comparator.comparingLong(StoredKey::prospectId).thenComparing(StoredKey::id));
        for (int i = 0, j = 0; i < n; i++) {
            ValidEvent e = ordered.get(i);
            boolean isNew = j < inserted.size() && inserted.get(j).prospectId() == prospectIds.get(e.prospect())
                    && e.id().equals(inserted.get(j).id());
            (isNew ? fresh : resent).add(e);
            j += isNew ? 1 : 0;
        }
    }

    /** An event's key as the insert answers it. */
    private record StoredKey(long prospectId, UUID id) {
    }

    /** The items whose prospect already holds their id with other content: one error each, by index. */
    List<FieldError> reusedIds(Connection connection, long journeyId, List<ValidEvent> duplicates) throws SQLException {
        if (duplicates.isEmpty()) {
            return List.of();
        }
        Map<Map.Entry<String, UUID>, ValidEvent> sent = new HashMap<>();
        duplicates.forEach(e -> sent.put(Map.entry(e.prospect(), e.id()), e));
        List<ValidEvent> refused = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select e.id, p.external_id, e.type, e.element, e.occurred_at, e.attributes::text "
                        + "from unnest(?::text[], ?::uuid[]) as u(x, i) "
                        + "join prospect p on p.journey_id = ? and p.external_id = u.x "
                        + "join event e on e.prospect_id = p.id and e.id = u.i")) {
            select.setArray(1, connection.createArrayOf("text", duplicates.stream().map(ValidEvent::prospect).toArray()));
            select.setArray(2, connection.createArrayOf("text", duplicates.stream().map(e -> e.id().toString()).toArray()));
            select.setLong(3, journeyId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ValidEvent mine = sent.get(Map.entry(rs.getString(2), rs.getObject(1, UUID.class)));
                    ValidEvent stored = new ValidEvent(-1, mine.id(), rs.getString(2), EventType.of(rs.getShort(3)),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class), fromJson(rs.getString(6)));
                    if (!stored.sameContent(mine)) {
                        refused.add(mine);
                    }
                }
            }
        }
        return refused.stream().sorted(Comparator.comparingInt(ValidEvent::index))
                .map(e -> new FieldError("[" + e.index() + "].id",
                        "was already received with different content for this prospect; send a new id for a new event"))
                .toList();
    }

    /**
     * Inserts the prospects this batch sees first, complete with their progress, so a new prospect is
     * written once, not inserted empty and then rewritten. Returns the external ids it created.
     */
    Set<String> createProspects(Connection connection, long journeyId, Map<String, ProspectDeltas.Delta> deltas,
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
            Map<String, ProspectDeltas.Delta> deltas, boolean externals) throws SQLException {
        List<ProspectDeltas.Delta> values = List.copyOf(deltas.values());
        int i = from;
        if (externals) {
            statement.setArray(i++, connection.createArrayOf("text", deltas.keySet().toArray()));
        }
        statement.setArray(i++, connection.createArrayOf("bigint", values.stream().map(ProspectDeltas.Delta::first).toArray()));
        statement.setArray(i++, connection.createArrayOf("bigint", values.stream().map(ProspectDeltas.Delta::last).toArray()));
        statement.setArray(i++, connection.createArrayOf("text", values.stream().map(ProspectDeltas.Delta::attributes).toArray()));
        statement.setArray(i++, connection.createArrayOf("bigint", values.stream().map(ProspectDeltas.Delta::attributesAt).toArray()));
        statement.setArray(i++, connection.createArrayOf("text", values.stream().map(ProspectDeltas.Delta::entries).toArray()));
        statement.setArray(i++, connection.createArrayOf("text", values.stream().map(ProspectDeltas.Delta::actions).toArray()));
        statement.setArray(i++, connection.createArrayOf("text", values.stream().map(ProspectDeltas.Delta::touches).toArray()));
        statement.setArray(i, connection.createArrayOf("text", values.stream().map(ProspectDeltas.Delta::optOuts).toArray()));
    }

    /**
     * Merges a batch's deltas into prospects that existed before it: sorted packed arrays, time span, then
     * attributes. Rows are locked in prospect id order, the order every batch uses; answers each merged
     * prospect's event count after the merge.
     */
    Map<String, Integer> updateProgress(Connection connection, Map<String, ProspectDeltas.Delta> deltas,
            Map<String, Long> prospectIds) throws SQLException {
        Map<String, Integer> totals = new HashMap<>();
        if (deltas.isEmpty()) {
            return totals;
        }
        Map<String, ProspectDeltas.Delta> byId = new LinkedHashMap<>();
        deltas.keySet().stream().sorted(Comparator.comparing(prospectIds::get)).forEach(x -> byId.put(x, deltas.get(x)));
        // Attributes go in the same statement when most merged prospects bring some (a row whose document
        // changes is rewritten whole either way), in a second one when few do: assigning them makes the
        // generated identity columns be recomputed on every row (bench/notes/, the ingest-order passes).
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
     * two (bench/sql/batch-cost.sh; bench/notes/, the ingest-order passes).
     */
    private void mergeAttributes(Connection connection, Map<String, ProspectDeltas.Delta> byId, Map<String, Long> prospectIds,
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

    /** Merges attributes into every prospect of the team with one of these external ids, as events merge theirs. */
    void updateAttributes(Connection connection, long teamId, List<AttributeUpdate> updates) throws SQLException {
        List<AttributeUpdate> sorted = updates.stream().sorted(Comparator.comparing(AttributeUpdate::prospect)).toList();
        try (PreparedStatement update = connection.prepareStatement(
                "update prospect p set " + ATTRIBUTES_MERGE + " from (select x, attrs, " + time("a_at") + " as attrs_at "
                        + "  from unnest(?::text[], ?::jsonb[], ?::bigint[]) as u(x, attrs, a_at)) u, journey j "
                        // A prospect that already holds these values (made by this batch, or told before) is not rewritten.
                        + "where j.team_id = ? and p.journey_id = j.id and p.external_id = u.x and not p.attributes @> u.attrs")) {
            update.setArray(1, connection.createArrayOf("text", sorted.stream().map(AttributeUpdate::prospect).toArray()));
            update.setArray(2, connection.createArrayOf("text", sorted.stream().map(u -> toJson(u.attributes())).toArray()));
            update.setArray(3, connection.createArrayOf("bigint", sorted.stream()
                    .map(u -> u.at().toEpochSecond() * 1_000_000 + u.at().getNano() / 1_000).toArray()));
            update.setLong(4, teamId);
            update.executeUpdate();
        }
    }

    void recordIngest(Connection connection, long journeyId, List<ValidEvent> fresh) throws SQLException {
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

    String toJson(Map<String, String> attributes) {
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
}
