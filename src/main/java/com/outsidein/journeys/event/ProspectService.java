package com.outsidein.journeys.event;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;

/** Reads one prospect's state and timeline. */
@ApplicationScoped
public class ProspectService {

    @Inject
    JourneyRepository journeys;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Transactional
    public ProspectView get(long teamId, String journeyKey, String prospect, String cursor, int limit) {
        JourneyEntity journey = journeys.requireByKey(teamId, journeyKey);
        List<?> rows = em.createNativeQuery("select id, attributes::text, first_seen_at, last_event_at from prospect "
                + "where journey_id = ?1 and external_id = ?2").setParameter(1, journey.id).setParameter(2, prospect)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No prospect '" + prospect + "' in journey '" + journeyKey + "'");
        }
        Object[] row = (Object[]) rows.get(0);
        long id = ((Number) row[0]).longValue();
        TimelineCursor after = TimelineCursor.parse(cursor);
        // One page more than asked tells whether there is a next page; the index on (prospect_id,
        // occurred_at) serves both the page and the current step, however long the history.
        List<?> events = em.createNativeQuery("select cast(id as text), type, element, occurred_at, cast(attributes as text) "
                + "from event where prospect_id = ?1 and (occurred_at, id) > (?2, cast(?3 as uuid)) "
                + "order by occurred_at, id limit ?4")
                .setParameter(1, id).setParameter(2, after.occurredAt()).setParameter(3, after.id())
                .setParameter(4, limit + 1).getResultList();
        List<ProspectView.TimelineEvent> timeline = new ArrayList<>();
        for (Object o : events.subList(0, Math.min(limit, events.size()))) {
            Object[] e = (Object[]) o;
            EventType type = EventType.of(((Number) e[1]).shortValue());
            String element = (String) e[2];
            timeline.add(new ProspectView.TimelineEvent((String) e[0], type,
                    type == EventType.STEP_ENTERED ? element : null, type == EventType.ACTION_PERFORMED ? element : null,
                    type == EventType.TOUCHPOINT_DELIVERED ? element : null,
                    type == EventType.OPTED_OUT && !element.isEmpty() ? element : null, time(e[3]), e[4] == null ? null : map((String) e[4])));
        }
        String next = null;
        if (events.size() > limit) {
            ProspectView.TimelineEvent last = timeline.get(timeline.size() - 1);
            next = TimelineCursor.of(last.occurredAt(), last.id());
        }
        List<?> current = em.createNativeQuery("select element, occurred_at from event where prospect_id = ?1 and type = ?2 "
                + "order by occurred_at desc, id desc limit 1").setParameter(1, id)
                .setParameter(2, EventType.STEP_ENTERED.code).getResultList();
        Object[] step = current.isEmpty() ? null : (Object[]) current.get(0);
        return new ProspectView(prospect, step == null ? null : (String) step[0], step == null ? null : time(step[1]),
                map((String) row[1]), time(row[2]), time(row[3]), timeline, next);
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private Map<String, String> map(String text) {
        try {
            return json.readValue(text, json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
