package com.outsidein.journeys;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A small journey for event and report tests, and a compact way to write events by hand. */
public final class EventFixtures {

    /** A Monday, so week buckets are easy to work out by hand. */
    public static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private EventFixtures() {
    }

    /** Steps a, b (optional), c, d; one touchpoint and one action per step. */
    public static String createFunnelJourney(String prefix) {
        String key = Fixtures.uniqueKey(prefix);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (String s : List.of("a", "b", "c", "d")) {
            steps.add(Map.of("key", s, "name", "Step " + s, "optional", s.equals("b"),
                    "touchpoints", List.of(Map.of("key", "tp-" + s, "name", "Touch " + s, "channel", "EMAIL", "mode", "HUMAN",
                            "owner", "Team")),
                    "actions", List.of(Map.of("key", "act-" + s, "name", "Act " + s, "expectsResponse", true,
                            "responseSla", "P1D", "respondedBy", List.of("tp-" + s)))));
        }
        Fixtures.putJourney(key, Map.of("name", "Funnel", "steps", steps)).statusCode(201);
        return key;
    }

    public static Map<String, Object> entered(String prospect, String step, double days) {
        return event(prospect, "STEP_ENTERED", "step", step, days, null);
    }

    public static Map<String, Object> event(String prospect, String type, String field, String key, double days,
            Map<String, String> attributes) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", UUID.randomUUID().toString());
        e.put("prospect", prospect);
        e.put("type", type);
        e.put(field, key);
        e.put("occurredAt", at(days));
        if (attributes != null) {
            e.put("attributes", attributes);
        }
        return e;
    }

    public static String at(double days) {
        return T0.plus(Duration.ofSeconds(Math.round(days * 86_400))).toString();
    }

    public static ValidatableResponse post(String journey, List<?> events) {
        return given().contentType(ContentType.JSON).body(events).post("/api/v1/journeys/{j}/events", journey).then();
    }

    /**
     * The worked example of the conversion tests (days after T0; b is optional):
     * p1 a0 b1 c2 d3 · p2 a0 c5 d100 · p3 b0.5 a1 c3 · p4 a2 · p5 c1 a2 d3 · p6 a10 c11 b12 c13 d14 a40 ·
     * p7 a-5 (before the range) · p8 a30 (the range end is exclusive).
     */
    public static List<Map<String, Object>> workedExample() {
        List<Map<String, Object>> events = new ArrayList<>();
        Object[][] entries = {
                { "p1", "a", 0.0 }, { "p1", "b", 1.0 }, { "p1", "c", 2.0 }, { "p1", "d", 3.0 },
                { "p2", "a", 0.0 }, { "p2", "c", 5.0 }, { "p2", "d", 100.0 },
                { "p3", "b", 0.5 }, { "p3", "a", 1.0 }, { "p3", "c", 3.0 },
                { "p4", "a", 2.0 },
                { "p5", "c", 1.0 }, { "p5", "a", 2.0 }, { "p5", "d", 3.0 },
                { "p6", "a", 10.0 }, { "p6", "c", 11.0 }, { "p6", "b", 12.0 }, { "p6", "c", 13.0 }, { "p6", "d", 14.0 },
                { "p6", "a", 40.0 },
                { "p7", "a", -5.0 }, { "p8", "a", 30.0 } };
        for (Object[] e : entries) {
            events.add(entered((String) e[0], (String) e[1], (Double) e[2]));
        }
        return events;
    }
}
