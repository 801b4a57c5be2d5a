package com.outsidein.journeys.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;

/** What a batch adds to each prospect, worked by hand; plain JUnit, no Quarkus, no database. */
class ProspectDeltasTest {

    private static final ElementRefs REFS = ElementRefs.of(Map.of(
            ElementKind.STEP, Map.of("aware", 0, "decides", 5),
            ElementKind.ACTION, Map.of("asks", 7),
            ElementKind.TOUCHPOINT, Map.of("call", 3)));

    private static ValidEvent event(String prospect, EventType type, String element, String at, Map<String, String> attributes) {
        return new ValidEvent(0, UUID.randomUUID(), prospect, type, element, OffsetDateTime.parse(at), attributes);
    }

    @Test
    void packsEachKindSortedByTimeAndKeepsTheLaterAttributes() {
        // Epoch seconds: 2026-01-01T00:00:00Z = 1767225600; +10 s = 1767225610; +20 s = 1767225620.
        List<ValidEvent> events = new ArrayList<>(List.of(
                event("dana", EventType.STEP_ENTERED, "decides", "2026-01-01T00:00:20Z", Map.of("role", "cfo")),
                event("dana", EventType.STEP_ENTERED, "aware", "2026-01-01T00:00:00Z", Map.of("role", "analyst", "size", "50")),
                event("dana", EventType.ACTION_PERFORMED, "asks", "2026-01-01T00:00:10Z", Map.of()),
                event("dana", EventType.TOUCHPOINT_DELIVERED, "call", "2026-01-01T00:00:20Z", Map.of()),
                event("dana", EventType.OPTED_OUT, "EMAIL", "2026-01-01T00:00:10Z", Map.of()),
                event("ali", EventType.OPTED_OUT, "", "2026-01-01T00:00:00Z", Map.of())));

        // Map.of iterates in no fixed order: the stand-in for JSON writes the keys sorted.
        Map<String, ProspectDeltas.Delta> deltas = ProspectDeltas.of(events, REFS, m -> new java.util.TreeMap<>(m).toString());

        assertEquals(List.of("ali", "dana"), List.copyOf(deltas.keySet()), "in external id order");
        ProspectDeltas.Delta dana = deltas.get("dana");
        assertEquals(1767225600L * 1_000_000, dana.first());
        assertEquals(1767225620L * 1_000_000, dana.last());
        // Steps: second << 7 | ref: 1767225600 * 128 + 0 = 226204876800; 1767225620 * 128 + 5 = 226204879365.
        assertEquals("{226204876800,226204879365}", dana.entries());
        // Actions and touches: second << 12 | ref: 1767225610 * 4096 + 7 = 7238556098567; 1767225620 * 4096 + 3 = 7238556139523.
        assertEquals("{7238556098567}", dana.actions());
        assertEquals("{7238556139523}", dana.touches());
        // EMAIL's stored code is 1: 1767225610 * 4096 + 1.
        assertEquals("{7238556098561}", dana.optOuts());
        // The later event wins per key; a key only the earlier one has stays.
        assertEquals("{role=cfo, size=50}", dana.attributes());
        assertEquals(1767225620L * 1_000_000, dana.attributesAt());

        ProspectDeltas.Delta ali = deltas.get("ali");
        assertNull(ali.entries());
        assertNull(ali.attributes());
        assertNull(ali.attributesAt());
        assertEquals("{" + 1767225600L * 4096 + "}", ali.optOuts(), "code 0: every channel");
    }

    @Test
    void sameSecondEventsOfOneKindSortByRef() {
        List<ValidEvent> events = new ArrayList<>(List.of(
                event("p", EventType.STEP_ENTERED, "decides", "2026-01-01T00:00:00.900Z", Map.of()),
                event("p", EventType.STEP_ENTERED, "aware", "2026-01-01T00:00:00.100Z", Map.of())));
        assertEquals("{226204876800,226204876805}", ProspectDeltas.of(events, REFS, Map::toString).get("p").entries());
    }
}
