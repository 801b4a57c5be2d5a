package com.outsidein.journeys.event;

import static com.outsidein.journeys.EventFixtures.createFunnelJourney;
import static com.outsidein.journeys.EventFixtures.entered;
import static com.outsidein.journeys.EventFixtures.event;
import static com.outsidein.journeys.EventFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Events as a CRM sends them: one prospect's history spread over many small batches, mixed with other
 * prospects' events, posted out of order by several clients at once. Every report and the prospect's
 * own view must equal those of the same events sent in one ordered batch.
 */
@QuarkusTest
class SpreadIngestTest {

    private static final int OTHERS = 40;

    /** The followed prospect "p0" gets 80 events over 40 days; 40 others get a handful each. */
    private static List<Map<String, Object>> history() {
        List<Map<String, Object>> events = new ArrayList<>();
        String[] steps = { "a", "b", "c", "d" };
        for (int i = 0; i < 80; i++) {
            double day = i / 2.0;
            Map<String, String> attributes = i % 10 == 0 ? Map.of("segment", "s" + (i / 10)) : null;
            events.add(switch (i % 4) {
                case 0 -> event("p0", "STEP_ENTERED", "step", steps[(i / 4) % 4], day, attributes);
                case 1 -> event("p0", "ACTION_PERFORMED", "action", "act-" + steps[(i / 4) % 4], day, attributes);
                case 2 -> event("p0", "TOUCHPOINT_DELIVERED", "touchpoint", "tp-" + steps[(i / 8) % 4], day, attributes);
                default -> i == 39 ? event("p0", "OPTED_OUT", "channel", "EMAIL", day, null)
                        : event("p0", "TOUCHPOINT_DELIVERED", "touchpoint", "tp-a", day, attributes);
            });
        }
        for (int p = 1; p <= OTHERS; p++) {
            events.add(entered("p" + p, "a", p % 7));
            events.add(event("p" + p, "ACTION_PERFORMED", "action", "act-a", p % 7 + 0.5, Map.of("segment", "s" + p % 3)));
            events.add(event("p" + p, "TOUCHPOINT_DELIVERED", "touchpoint", "tp-a", p % 7 + 1, null));
            if (p % 2 == 0) {
                events.add(entered("p" + p, "c", p % 7 + 3));
            }
        }
        return events;
    }

    @Test
    void oneProspectSpreadOverManyBatchesAndClientsEndsAsInOneBatch() throws Exception {
        List<Map<String, Object>> events = history();
        String ordered = createFunnelJourney("one-batch");
        post(ordered, events).statusCode(200).body("accepted", equalTo(events.size()));

        String spread = createFunnelJourney("spread");
        List<Map<String, Object>> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(11));
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int i = 0; i < shuffled.size(); i += 3) {
            batches.add(shuffled.subList(i, Math.min(shuffled.size(), i + 3)));
        }
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (List<Map<String, Object>> batch : batches) {
                answers.add(clients.submit(() -> post(spread, batch).statusCode(200).extract().path("accepted")));
            }
            int accepted = 0;
            for (Future<Integer> answer : answers) {
                accepted += answer.get();
            }
            assertEquals(events.size(), accepted, "every event stored once, over " + batches.size() + " batches");
        } finally {
            clients.shutdown();
        }

        String range = "from=2026-01-01&to=2026-03-01";
        String asOf = "asOf=2026-03-01T00:00:00Z";
        for (String path : List.of("reports/conversion?" + range, "reports/conversion?" + range + "&breakdown=segment&order=any",
                "reports/responses?" + range + "&" + asOf, "reports/responses/open?limit=500&" + asOf,
                "reports/stale?limit=500&" + asOf, "reports/contact-pressure?cap=0&limit=500",
                "reports/misdirected?" + range, "prospects/p0?limit=500")) {
            String one = given().urlEncodingEnabled(false).get("/api/v1/journeys/" + ordered + "/" + path).then()
                    .statusCode(200).extract().asString().replace(ordered, "J");
            String many = given().urlEncodingEnabled(false).get("/api/v1/journeys/" + spread + "/" + path).then()
                    .statusCode(200).extract().asString().replace(spread, "J");
            assertEquals(one, many, path);
        }
        // And by hand: p0's 80 events, the last segment written (day 35, "s7"), its one opt-out.
        given().get("/api/v1/journeys/{j}/prospects/p0?limit=500", spread).then().statusCode(200)
                .body("timeline.size()", equalTo(80)).body("attributes.segment", equalTo("s7"))
                .body("timeline.findAll { it.type == 'OPTED_OUT' }.size()", equalTo(1));
    }
}
