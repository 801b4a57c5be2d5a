package com.outsidein.journeys.journey.history;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.http.Cursors;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.journey.ChangeKind;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;

/** A journey's version trail, newest first. */
@ApplicationScoped
public class HistoryService {

    @Inject
    JourneyRepository journeys;
    @Inject
    EntityManager entityManager;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Transactional
    public HistoryPage list(long teamId, String journeyKey, String cursor, int limit) {
        JourneyEntity journey = journeys.requireByKey(teamId, journeyKey);
        long before = Cursors.number(cursor, Long.MAX_VALUE);
        List<?> rows = entityManager.createNativeQuery("select version, at, key_id, key_name, change, subject from journey_version "
                + "where journey_id = ?1 and version < ?2 order by version desc limit ?3")
                .setParameter(1, journey.id).setParameter(2, before).setParameter(3, limit + 1).getResultList();
        List<VersionSummary> items = new ArrayList<>();
        for (Object o : rows.subList(0, Math.min(limit, rows.size()))) {
            Object[] row = (Object[]) o;
            items.add(new VersionSummary(((Number) row[0]).longValue(), time(row[1]),
                    row[2] == null ? null : new VersionSummary.By((String) row[2], (String) row[3]),
                    ChangeKind.valueOf((String) row[4]), (String) row[5]));
        }
        String next = rows.size() > limit ? Cursors.of(items.get(items.size() - 1).version()) : null;
        return new HistoryPage(journey.key, items, next);
    }

    /** The whole document exactly as GET answered it at that version. */
    @Transactional
    public JourneyDocument version(long teamId, String journeyKey, long version) {
        return document(journey(teamId, journeyKey), version);
    }

    /** What changed from one version to another; {@code to} defaults to the current version. */
    @Transactional
    public JourneyDiff diff(long teamId, String journeyKey, long from, Long to) {
        JourneyEntity journey = journey(teamId, journeyKey);
        long target = to == null ? journey.version : to;
        return JourneyDiffer.diff(json, journey.key, from, document(journey, from), target, document(journey, target));
    }

    private JourneyEntity journey(long teamId, String journeyKey) {
        return journeys.requireByKey(teamId, journeyKey);
    }

    private JourneyDocument document(JourneyEntity journey, long version) {
        List<?> rows = entityManager.createNativeQuery("select cast(document as text) from journey_version "
                + "where journey_id = ?1 and version = ?2").setParameter(1, journey.id).setParameter(2, version).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Journey '" + journey.key + "' has no version " + version);
        }
        try {
            return json.readValue((String) rows.get(0), JourneyDocument.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored version does not read back", e);
        }
    }

    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
