package com.outsidein.journeys.journey.history;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.journey.ChangeKind;
import com.outsidein.journeys.journey.JourneyChange;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;

import io.quarkus.runtime.StartupEvent;

/**
 * Journeys written before the trail existed get their current version recorded once, as UNRECORDED,
 * so every journey's history holds at least the version GET answers.
 */
@ApplicationScoped
public class HistoryBackfill {

    @Inject
    JourneyRepository journeys;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        List<?> missing = journeys.getEntityManager().createNativeQuery("select j.id from journey j where not exists "
                + "(select 1 from journey_version v where v.journey_id = j.id and v.version = j.version)").getResultList();
        for (Object id : missing) {
            JourneyEntity journey = journeys.findById(((Number) id).longValue());
            journeys.recordVersion(journey, journeys.load(journey), null, null, JourneyChange.of(ChangeKind.UNRECORDED, null));
        }
    }
}
