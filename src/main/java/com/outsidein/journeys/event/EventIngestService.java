package com.outsidein.journeys.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.common.FieldError;
import com.outsidein.journeys.common.ProblemException;
import com.outsidein.journeys.journey.ActionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.journey.StepDocument;

/**
 * Stores a validated batch in one transaction with a handful of set-based statements (unnest arrays,
 * not row-by-row inserts), and folds the new step entries into each prospect's packed progress.
 */
@ApplicationScoped
public class EventIngestService {

    @Inject
    JourneyRepository journeys;
    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    @Transactional
    public IngestResult ingest(long teamId, String journeyKey, List<EventRequest> batch) {
        JourneyEntity journey = journeys.findByKey(teamId, journeyKey)
                .orElseThrow(() -> ProblemException.notFound("No journey '" + journeyKey + "'"));
        JourneyDocument doc = journeys.load(journey);
        List<ValidEvent> events = EventValidator.validate(batch, design(doc), OffsetDateTime.now(ZoneOffset.UTC));
        int inBatchDuplicates = batch.size() - events.size();
        if (events.isEmpty()) {
            return new IngestResult(0, inBatchDuplicates);
        }
        // A fixed order for rows and locks keeps concurrent batches from deadlocking.
        events.sort(Comparator.comparing(ValidEvent::id));
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> prospectIds = upsertProspects(connection, journey.id, events);
            Set<UUID> inserted = insertEvents(connection, journey.id, events, prospectIds);
            List<ValidEvent> fresh = events.stream().filter(e -> inserted.contains(e.id())).toList();
            checkDuplicates(connection, journey.id, events.stream().filter(e -> !inserted.contains(e.id())).toList());
            updateProgress(connection, journey.id, fresh, prospectIds, refs(connection, journey.id));
            recordIngest(connection, journey.id, fresh);
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

    private Map<String, Long> upsertProspects(Connection connection, long journeyId, List<ValidEvent> events)
            throws SQLException {
        TreeMap<String, OffsetDateTime[]> span = new TreeMap<>();
        for (ValidEvent e : events) {
            span.merge(e.prospect(), new OffsetDateTime[] { e.occurredAt(), e.occurredAt() }, (a, b) -> new OffsetDateTime[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1] });
        }
        String[] externals = span.keySet().toArray(String[]::new);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into prospect (journey_id, external_id, first_seen_at, last_event_at) "
                        + "select ?, x, f, l from unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) as u(x, f, l) "
                        + "on conflict (journey_id, external_id) do nothing")) {
            insert.setLong(1, journeyId);
            insert.setArray(2, connection.createArrayOf("text", externals));
            insert.setArray(3, connection.createArrayOf("text", span.values().stream().map(v -> v[0].toString()).toArray()));
            insert.setArray(4, connection.createArrayOf("text", span.values().stream().map(v -> v[1].toString()).toArray()));
            insert.executeUpdate();
        }
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select external_id, id from prospect where journey_id = ? and external_id = any(?) order by id for update")) {
            select.setLong(1, journeyId);
            select.setArray(2, connection.createArrayOf("text", externals));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    private Set<UUID> insertEvents(Connection connection, long journeyId, List<ValidEvent> events,
            Map<String, Long> prospectIds) throws SQLException {
        int n = events.size();
        String[] ids = new String[n];
        Long[] prospects = new Long[n];
        Short[] types = new Short[n];
        String[] elements = new String[n];
        String[] times = new String[n];
        String[] attributes = new String[n];
        for (int i = 0; i < n; i++) {
            ValidEvent e = events.get(i);
            ids[i] = e.id().toString();
            prospects[i] = prospectIds.get(e.prospect());
            types[i] = e.type().code;
            elements[i] = e.element();
            times[i] = e.occurredAt().toString();
            attributes[i] = e.attributes().isEmpty() ? null : toJson(e.attributes());
        }
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into event (journey_id, id, prospect_id, type, element, occurred_at, attributes) "
                        + "select ?, i, p, t, el, o, a from unnest(?::uuid[], ?::bigint[], ?::smallint[], ?::text[], "
                        + "?::timestamptz[], ?::jsonb[]) as u(i, p, t, el, o, a) "
                        + "on conflict (journey_id, id) do nothing returning id")) {
            insert.setLong(1, journeyId);
            insert.setArray(2, connection.createArrayOf("text", ids));
            insert.setArray(3, connection.createArrayOf("bigint", prospects));
            insert.setArray(4, connection.createArrayOf("smallint", types));
            insert.setArray(5, connection.createArrayOf("text", elements));
            insert.setArray(6, connection.createArrayOf("text", times));
            insert.setArray(7, connection.createArrayOf("text", attributes));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    /** A re-sent id must carry the same event; different content under a known id is refused whole. */
    private void checkDuplicates(Connection connection, long journeyId, List<ValidEvent> duplicates) throws SQLException {
        if (duplicates.isEmpty()) {
            return;
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
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new ProblemException(422, "invalid-events", "Invalid events",
                    errors.size() + " event id(s) reused with different content; nothing was stored", errors);
        }
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

    /** Merges new step entries (sorted), first/last times and attributes into each touched prospect. */
    private void updateProgress(Connection connection, long journeyId, List<ValidEvent> fresh,
            Map<String, Long> prospectIds, Map<String, Integer> refs) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        Map<Long, List<ValidEvent>> byProspect = new TreeMap<>();
        fresh.forEach(e -> byProspect.computeIfAbsent(prospectIds.get(e.prospect()), k -> new ArrayList<>()).add(e));
        int n = byProspect.size();
        Long[] ids = new Long[n];
        String[] first = new String[n];
        String[] last = new String[n];
        String[] attributes = new String[n];
        String[] attributesAt = new String[n];
        List<Long> entryProspects = new ArrayList<>();
        List<Long> entryValues = new ArrayList<>();
        List<Long> actionProspects = new ArrayList<>();
        List<Long> actionValues = new ArrayList<>();
        List<Long> touchProspects = new ArrayList<>();
        List<Long> touchValues = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, List<ValidEvent>> entry : byProspect.entrySet()) {
            List<ValidEvent> events = entry.getValue();
            events.sort(Comparator.comparing(ValidEvent::occurredAt));
            ids[i] = entry.getKey();
            first[i] = events.get(0).occurredAt().toString();
            last[i] = events.get(events.size() - 1).occurredAt().toString();
            Map<String, String> merged = new LinkedHashMap<>();
            OffsetDateTime mergedAt = null;
            for (ValidEvent e : events) {
                if (!e.attributes().isEmpty()) {
                    merged.putAll(e.attributes());
                    mergedAt = e.occurredAt();
                }
                int ref = refs.get(e.type().code + ":" + e.element());
                switch (e.type()) {
                    case STEP_ENTERED -> {
                        entryProspects.add(entry.getKey());
                        entryValues.add(ProgressEntries.pack(e.epochSecond(), ref));
                    }
                    case ACTION_PERFORMED -> {
                        actionProspects.add(entry.getKey());
                        actionValues.add(ProgressEntries.packElement(e.epochSecond(), ref));
                    }
                    case TOUCHPOINT_DELIVERED -> {
                        touchProspects.add(entry.getKey());
                        touchValues.add(ProgressEntries.packElement(e.epochSecond(), ref));
                    }
                }
            }
            attributes[i] = merged.isEmpty() ? null : toJson(merged);
            attributesAt[i] = mergedAt == null ? null : mergedAt.toString();
            i++;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "with u as (select * from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::jsonb[], ?::timestamptz[]) "
                        + "  as u(pid, first_at, last_at, attrs, attrs_at)), "
                        + "e as (select pid, array_agg(v) as vs from unnest(?::bigint[], ?::bigint[]) as x(pid, v) group by pid), "
                        + "a as (select pid, array_agg(v) as vs from unnest(?::bigint[], ?::bigint[]) as x(pid, v) group by pid), "
                        + "t as (select pid, array_agg(v) as vs from unnest(?::bigint[], ?::bigint[]) as x(pid, v) group by pid) "
                        + "update prospect p set "
                        + "  entries = case when e.vs is null then p.entries "
                        + "    else array(select v from unnest(p.entries || e.vs) as v order by v) end, "
                        + "  actions = case when a.vs is null then p.actions "
                        + "    else array(select v from unnest(p.actions || a.vs) as v order by v) end, "
                        + "  touches = case when t.vs is null then p.touches "
                        + "    else array(select v from unnest(p.touches || t.vs) as v order by v) end, "
                        + "  first_seen_at = least(p.first_seen_at, u.first_at), "
                        + "  last_event_at = greatest(p.last_event_at, u.last_at), "
                        + "  attributes = case when u.attrs is null then p.attributes "
                        + "    when p.attributes_at is null or u.attrs_at >= p.attributes_at then p.attributes || u.attrs "
                        + "    else u.attrs || p.attributes end, "
                        + "  attributes_at = greatest(p.attributes_at, u.attrs_at) "
                        + "from u left join e on e.pid = u.pid left join a on a.pid = u.pid left join t on t.pid = u.pid "
                        + "where p.id = u.pid")) {
            update.setArray(1, connection.createArrayOf("bigint", ids));
            update.setArray(2, connection.createArrayOf("text", first));
            update.setArray(3, connection.createArrayOf("text", last));
            update.setArray(4, connection.createArrayOf("text", attributes));
            update.setArray(5, connection.createArrayOf("text", attributesAt));
            update.setArray(6, connection.createArrayOf("bigint", entryProspects.toArray()));
            update.setArray(7, connection.createArrayOf("bigint", entryValues.toArray()));
            update.setArray(8, connection.createArrayOf("bigint", actionProspects.toArray()));
            update.setArray(9, connection.createArrayOf("bigint", actionValues.toArray()));
            update.setArray(10, connection.createArrayOf("bigint", touchProspects.toArray()));
            update.setArray(11, connection.createArrayOf("bigint", touchValues.toArray()));
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
