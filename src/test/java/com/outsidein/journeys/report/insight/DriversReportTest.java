package com.outsidein.journeys.report.insight;

import static com.outsidein.journeys.EventFixtures.at;
import static com.outsidein.journeys.EventFixtures.entered;
import static com.outsidein.journeys.EventFixtures.event;
import static com.outsidein.journeys.EventFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The drivers report over HTTP on hand-worked stories. Journey: steps a, b (optional), c; actions act-a and
 * act-a2 and touchpoint tp-a in a; the transition a -> c records ACTION_PERFORMED act-a and role = cfo.
 * Days after T0; the range is [-1, 10), the window P90D.
 */
@QuarkusTest
class DriversReportTest {

    private static final double EXACT = 1e-9;

    private static String journey(String prefix) {
        String key = Fixtures.uniqueKey(prefix);
        Map<String, Object> a = Map.of("key", "a", "name", "Sees a risk",
                "touchpoints", List.of(Map.of("key", "tp-a", "name", "Risk guide", "channel", "EMAIL", "mode", "HUMAN", "owner", "Team")),
                "actions", List.of(Map.of("key", "act-a", "name", "Asks for the guide"), Map.of("key", "act-a2", "name", "Watches a video")));
        Map<String, Object> b = Map.of("key", "b", "name", "Reads reviews", "optional", true);
        Map<String, Object> c = Map.of("key", "c", "name", "Compares vendors");
        Fixtures.putJourney(key, Map.of("name", "Drivers", "steps", List.of(a, b, c), "transitions", List.of(
                Map.of("from", "a", "to", "c", "match", "ANY", "conditions", List.of(
                        Map.of("type", "ACTION_PERFORMED", "action", "act-a"),
                        Map.of("type", "ATTRIBUTE_EQUALS", "attribute", "role", "value", "cfo")))))).statusCode(201);
        return key;
    }

    private static Map<String, Object> act(String prospect, String action, double days) {
        return event(prospect, "ACTION_PERFORMED", "action", action, days, null);
    }

    private static Map<String, Object> touch(String prospect, double days) {
        return event(prospect, "TOUCHPOINT_DELIVERED", "touchpoint", "tp-a", days, null);
    }

    private static Map<String, Object> role(String prospect, String role, double days) {
        return event(prospect, "STEP_ENTERED", "step", "a", days, Map.of("role", role));
    }

    private static JsonNode report(String journey, Object... query) {
        var request = given().queryParam("step", "a").queryParam("from", at(-1)).queryParam("to", at(10));
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        String body = request.get("/api/v1/journeys/{j}/reports/drivers", journey).then().statusCode(200).extract().asString();
        try {
            return Fixtures.JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * p1: a0 act-a1 tp-a2 c3 (advanced) · p2: a0 act-a1 b2 tp-a5 (advanced through the optional b; the
     * touchpoint came after the move and is no evidence) · p3: a0 act-a1 · p4: a0 tp-a1 c100 (past the
     * window) · p5: a0 c1 · p6: a0 act-a2 1 · p7: c-5 a0 act-a1 c2 (a re-entry into c after a counts) ·
     * p8: a-10 a0 (first entry before the range: not in the population) · p9: act-a0 only. Roles: cfo for
     * p1 p2 p5 p7, it for p3 p4 p6. Population 7 (p1-p7), advanced 4 (p1 p2 p5 p7).
     */
    private static String story() {
        String j = journey("drivers");
        post(j, List.of(
                role("p1", "cfo", 0), act("p1", "act-a", 1), touch("p1", 2), entered("p1", "c", 3),
                role("p2", "cfo", 0), act("p2", "act-a", 1), entered("p2", "b", 2), touch("p2", 5),
                role("p3", "it", 0), act("p3", "act-a", 1),
                role("p4", "it", 0), touch("p4", 1), entered("p4", "c", 100),
                role("p5", "cfo", 0), entered("p5", "c", 1),
                role("p6", "it", 0), act("p6", "act-a2", 1),
                entered("p7", "c", -5), role("p7", "cfo", 0), act("p7", "act-a", 1), entered("p7", "c", 2),
                entered("p8", "a", -10), entered("p8", "a", 0),
                act("p9", "act-a", 0))).statusCode(200).body("accepted", equalTo(24));
        return j;
    }

    @Test
    void everySignalsTableAndStatisticsAsWorkedByHand() {
        JsonNode r = report(story(), "minCount", 1);
        assertEquals(7, r.get("population").asLong());
        assertEquals(4, r.get("advanced").asLong());
        assertEquals(0.5714, r.get("advanceRate").asDouble(), EXACT);
        assertEquals(List.of("b", "c"), Fixtures.JSON.convertValue(r.get("advanceTo"), List.class));
        assertEquals("current", r.get("attributesAsOf").asText());
        assertEquals("P90D", r.get("window").asText());
        assertEquals(5, r.get("signals").asLong());
        JsonNode d = r.get("drivers");
        // Sorted by p-value, then lift descending (a rate without of 0 beats any lift).
        // role=cfo: a=4 b=0 c=0 d=3. Fisher: 4 advanced of 7, 4 with: P(k) = C(4,k) C(3,4-k) / 35 = 4, 18, 12, 1 for
        // k = 1..4; observed k=4, nothing else as unlikely: p = 1/35. Haldane: OR = 4.5 * 3.5 / (0.5 * 0.5) = 63,
        // se = sqrt(1/4.5 + 2 + 2 + 1/3.5) = 2.123191, interval 0.981924 to 4042.07: includes 1, so a recorded
        // condition the data does not (yet) support.
        signal(d.get(0), "ATTRIBUTE", "role", "cfo", 4, 4, 3, 0, 1.0, 0.0, null, 63, 0.981924, 4042.07, 1.0 / 35, true, "UNSUPPORTED");
        // role=it: a=0 b=3 c=4 d=0: p = 1/35 (k=0 of 1, 12, 18, 4); OR = 0.25 / 15.75 = 0.015873, interval 0.000247398 to 1.01841.
        signal(d.get(1), "ATTRIBUTE", "role", "it", 3, 0, 4, 4, 0.0, 1.0, 0.0, 0.015873, 0.000247398, 1.01841, 1.0 / 35, false,
                "NO_EVIDENCE");
        // act-a2: a=0 b=1 c=4 d=2: n=1, P(0) = 3/7, P(1) = 4/7, observed 0: p = 3/7. OR = 0.5 * 2.5 / (1.5 * 4.5) = 0.185185,
        // interval 0.00529575 to 6.47568; rate without 4/6.
        signal(d.get(2), "ACTION", "act-a2", null, 1, 0, 6, 4, 0.0, 0.6667, 0.0, 0.185185, 0.00529575, 6.47568, 3.0 / 7, false,
                "NO_EVIDENCE");
        // act-a: a=3 (p1 p2 p7) b=1 (p3) c=1 (p5) d=2 (p4 p6). P(k) = C(4,k) C(3,4-k) / 35 = 4, 18, 12, 1 for k = 1..4;
        // observed k=3 (12): p = (4 + 12 + 1) / 35 = 17/35. OR = 3 * 2 / (1 * 1) = 6, se = sqrt(1/3 + 1 + 1 + 1/2) = 1.683251,
        // interval 0.221496 to 162.531; lift 0.75 / (1/3) = 2.25.
        signal(d.get(3), "ACTION", "act-a", null, 4, 3, 3, 1, 0.75, 0.3333, 2.25, 6, 0.221496, 162.531, 17.0 / 35, true,
                "UNSUPPORTED");
        // tp-a: p1 (before its move) and p4 (before its deadline), not p2 (after its move): a=1 b=1 c=3 d=2. n=2:
        // P(k) = C(4,k) C(3,2-k) / 21 = 3, 12, 6; observed k=1 is the likeliest: p = 1. OR = 2/3, interval 0.0246106 to 18.059.
        signal(d.get(4), "TOUCHPOINT", "tp-a", null, 2, 1, 5, 3, 0.5, 0.6, 0.8333, 0.666667, 0.0246106, 18.059, 1.0, false,
                "NO_EVIDENCE");
    }

    private static void signal(JsonNode s, String kind, String key, String value, long with, long advancedWith, long without,
            long advancedWithout, double rateWith, double rateWithout, Double lift, double oddsRatio, double low, double high,
            double pValue, boolean recorded, String verdict) {
        String name = kind + " " + key + (value == null ? "" : "=" + value);
        assertEquals(kind, s.get("kind").asText(), name);
        assertEquals(key, s.get("key").asText(), name);
        assertEquals(value, s.hasNonNull("value") ? s.get("value").asText() : null, name);
        assertEquals(List.of(with, advancedWith, without, advancedWithout), List.of(s.get("with").asLong(),
                s.get("advancedWith").asLong(), s.get("without").asLong(), s.get("advancedWithout").asLong()), name);
        assertEquals(rateWith, s.get("rateWith").asDouble(), EXACT, name);
        assertEquals(rateWithout, s.get("rateWithout").asDouble(), EXACT, name);
        if (lift == null) {
            assertFalse(s.hasNonNull("lift"), name);
        } else {
            assertEquals(lift, s.get("lift").asDouble(), EXACT, name);
        }
        assertEquals(oddsRatio, s.get("oddsRatio").asDouble(), 1e-6 * oddsRatio, name);
        assertEquals(low, s.get("oddsRatioLow").asDouble(), 1e-5 * low, name);
        assertEquals(high, s.get("oddsRatioHigh").asDouble(), 1e-5 * high, name);
        assertEquals(pValue, s.get("pValue").asDouble(), 1e-6 * pValue, name);
        assertEquals(recorded, s.get("recorded").asBoolean(), name);
        assertEquals(verdict, s.get("verdict").asText(), name);
    }

    @Test
    void minCountAndLimitBoundTheAnswerAndCsvListsTheSameRows() {
        String j = story();
        JsonNode byDefault = report(j);
        assertEquals(10, byDefault.get("minCount").asInt());
        assertEquals(0, byDefault.get("signals").asLong(), "no signal has 10 prospects");
        assertEquals(7, byDefault.get("population").asLong());
        JsonNode limited = report(j, "minCount", 3, "limit", 2);
        assertEquals(3, limited.get("signals").asLong(), "role=cfo (4), role=it (3), act-a (4)");
        assertEquals(2, limited.get("drivers").size());
        String csv = given().accept("text/csv").queryParam("step", "a").queryParam("from", at(-1)).queryParam("to", at(10))
                .queryParam("minCount", 1).get("/api/v1/journeys/{j}/reports/drivers", j).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.strip().split("\n");
        assertEquals("kind,key,value,with,advancedWith,without,advancedWithout,rateWith,rateWithout,lift,oddsRatio,"
                + "oddsRatioLow,oddsRatioHigh,pValue,recorded,verdict", lines[0]);
        assertEquals(6, lines.length);
        assertTrue(lines[1].startsWith("ATTRIBUTE,role,cfo,4,4,3,0,"), lines[1]);
        assertTrue(lines[4].startsWith("ACTION,act-a,,4,3,3,1,0.75,0.3333,2.25,6.0,"), lines[4]);
    }

    /** 25 values of one attribute: the 20 most frequent become signals, the 5 rarest do not. */
    @Test
    void anAttributeGivesItsTwentyMostFrequentValues() {
        String j = journey("drivers-values");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int v = 1; v <= 25; v++) {
            String value = String.format("v%02d", v);
            for (int copy = 0; copy < (v <= 20 ? 2 : 1); copy++) {
                String prospect = "q" + value + "-" + copy;
                events.add(event(prospect, "STEP_ENTERED", "step", "a", 0, Map.of("tier", value)));
                if (copy == 0) {
                    events.add(entered(prospect, "c", 1));
                }
            }
        }
        post(j, events).statusCode(200);
        JsonNode r = report(j, "minCount", 1, "limit", 500);
        assertEquals(45, r.get("population").asLong());
        List<String> values = new ArrayList<>();
        r.get("drivers").forEach(s -> values.add(s.get("value").asText()));
        assertEquals(20, values.size());
        for (int v = 1; v <= 25; v++) {
            assertEquals(v <= 20, values.contains(String.format("v%02d", v)), "v" + v);
        }
        // Each of v01..v20: 2 with, 1 advanced; without 43, 24 advanced (25 advanced in all).
        JsonNode first = r.get("drivers").get(0);
        assertEquals(List.of(2L, 1L, 43L, 24L), List.of(first.get("with").asLong(), first.get("advancedWith").asLong(),
                first.get("without").asLong(), first.get("advancedWithout").asLong()));
    }

    @Test
    void badParametersAreProblems() {
        String j = journey("drivers-errors");
        String path = "/api/v1/journeys/{j}/reports/drivers";
        given().get(path, j).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("step"));
        given().queryParam("step", "nope").get(path, j).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("step")).body("errors[0].message", containsString("no step 'nope'"));
        given().queryParam("step", "c").get(path, j).then().statusCode(400).body("errors[0].message", containsString("last step"));
        given().queryParam("step", "a").queryParam("window", "P2Y").get(path, j).then().statusCode(400)
                .body("errors[0].field", equalTo("window"));
        given().queryParam("step", "a").queryParam("minCount", 0).get(path, j).then().statusCode(400)
                .body("errors[0].field", equalTo("minCount"));
        given().queryParam("step", "a").queryParam("limit", 501).get(path, j).then().statusCode(400);
        given().queryParam("step", "a").get(path, "no-such-journey").then().statusCode(404);
    }
}
