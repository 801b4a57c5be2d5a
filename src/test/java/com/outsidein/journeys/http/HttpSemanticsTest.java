package com.outsidein.journeys.http;

import static com.outsidein.journeys.EventFixtures.at;
import static com.outsidein.journeys.EventFixtures.entered;
import static com.outsidein.journeys.EventFixtures.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Contract;
import com.outsidein.journeys.ContractBodies;
import com.outsidein.journeys.EventFixtures;
import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The HTTP promises the README makes, on every resource: conditional requests, 405, 413, one spelling of times and durations. */
@QuarkusTest
class HttpSemanticsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Pattern WHOLE_SECOND_UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    @Test
    void everyDesignResourceCarriesTheJourneysVersionAndAnswers304() {
        String journey = Fixtures.createRiskSoftware("etag");
        String version = given().get("/api/v1/journeys/{j}", journey).then().extract().header("ETag");
        String base = "/api/v1/journeys/" + journey;
        for (String path : List.of(base, base + "/steps", base + "/steps/decides", base + "/steps/decides/touchpoints",
                base + "/steps/decides/touchpoints/proposal-meeting", base + "/steps/decides/actions",
                base + "/steps/decides/actions/asks-for-contract", base + "/transitions",
                base + "/transitions/compares-vendors/decides")) {
            given().get(path).then().statusCode(200).header("ETag", equalTo(version));
            given().header("If-None-Match", version).get(path).then().statusCode(304).header("ETag", equalTo(version))
                    .body(emptyString());
            given().header("If-None-Match", "\"0\", " + version).get(path).then().statusCode(304);
            given().header("If-None-Match", "\"0\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void derivedAnswersCarryADigestThatChangesWithThemAndDiffersPerMediaType() {
        String journey = EventFixtures.createFunnelJourney("digest");
        EventFixtures.post(journey, List.of(entered("p1", "a", 0), entered("p1", "c", 1))).statusCode(200);
        String base = "/api/v1/journeys/" + journey;
        String conversion = base + "/reports/conversion?from=2026-01-01&to=2026-02-01";
        List<String> derived = List.of(base + "/gaps", base + "/map.svg", conversion, base + "/prospects/p1",
                base + "/history", base + "/reports/responses?from=2026-01-01&to=2026-02-01&asOf=2026-03-01T00:00:00Z",
                base + "/reports/responses/open?asOf=2026-03-01T00:00:00Z", base + "/reports/stale?asOf=2026-03-01T00:00:00Z",
                base + "/reports/contact-pressure", base + "/reports/transitions?asOf=2026-03-01T00:00:00Z",
                base + "/reports/data-quality", base + "/reports/conversion/steps/a/prospects?from=2026-01-01&to=2026-02-01",
                "/api/v1/journeys", "/api/v1/keys", "/api/v1/teams/current");
        for (String path : derived) {
            String tag = given().get(path).then().statusCode(200).header("ETag", startsWith("\"d-")).extract().header("ETag");
            given().header("If-None-Match", tag).get(path).then().statusCode(304).header("ETag", equalTo(tag));
            assertEquals(tag, given().get(path).then().extract().header("ETag"), path + " is not stable");
        }
        String json = given().get(conversion).then().extract().header("ETag");
        String csv = given().accept("text/csv").get(conversion).then().statusCode(200).extract().header("ETag");
        assertNotEquals(json, csv, "each representation has its own tag");
        given().accept("text/csv").header("If-None-Match", csv).get(conversion).then().statusCode(304);

        EventFixtures.post(journey, List.of(entered("p2", "a", 2))).statusCode(200);
        assertNotEquals(json, given().get(conversion).then().extract().header("ETag"), "a new event changes the report's tag");
    }

    @Test
    void everyConditionalWriteOfTheContractRefusesAStaleIfMatchAndChangesNothing() {
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (Contract.Operation op : Contract.apiOperations()) {
            if (!op.node().path("responses").has("412")) {
                continue;
            }
            String journey = Fixtures.createRiskSoftware("stale");
            given().contentType(ContentType.JSON).body(Map.of("reason", "Accepted for now"))
                    .put("/api/v1/journeys/{j}/gaps/{g}/acknowledgement", journey, "undefined-transition.notices-risk.researches-risk");
            String before = given().get("/api/v1/journeys/{j}", journey).then().extract().asString();
            String gapsBefore = given().get("/api/v1/journeys/{j}/gaps", journey).then().extract().asString();
            Map<String, String> values = Map.of("journey", journey, "step", "decides", "touchpoint", "proposal-meeting",
                    "action", "asks-for-contract", "from", "compares-vendors", "to", "decides",
                    "gap", "undefined-transition.notices-risk.researches-risk");
            var request = given().header("If-Match", "\"1\"");
            if (op.requestType() != null) {
                request.contentType(op.requestType()).body(ContractBodies.minimal(op, values::get).toString());
            }
            Response response = request.request(op.method(), op.fill(values::get));
            checked++;
            if (response.statusCode() != 412 || !response.contentType().startsWith(PROBLEM)) {
                refused.add(op + " answered " + response.statusCode() + ": " + response.asString());
            }
            assertEquals(before, given().get("/api/v1/journeys/{j}", journey).then().extract().asString(), op.toString());
            assertEquals(gapsBefore, given().get("/api/v1/journeys/{j}/gaps", journey).then().extract().asString(), op.toString());
        }
        assertTrue(refused.isEmpty(), String.join("\n", refused));
        assertTrue(checked >= 20, "the contract lists 412 on every design write: " + checked);
    }

    @Test
    void acknowledgementsHonourIfMatchAndCarryTheJourneysVersion() {
        String journey = Fixtures.createRiskSoftware("ack-etag");
        String version = given().get("/api/v1/journeys/{j}", journey).then().extract().header("ETag");
        String gap = "undefined-transition.notices-risk.researches-risk";
        Fixtures.putJourney(journey, withoutFirstTransitionConditions(journey)).statusCode(200);
        String current = given().get("/api/v1/journeys/{j}", journey).then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", version).body(Map.of("reason", "Stale view"))
                .put("/api/v1/journeys/{j}/gaps/{g}/acknowledgement", journey, gap).then().statusCode(412).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", current).body(Map.of("reason", "Seen it"))
                .put("/api/v1/journeys/{j}/gaps/{g}/acknowledgement", journey, gap).then().statusCode(201)
                .header("ETag", equalTo(current));
        given().header("If-Match", version).delete("/api/v1/journeys/{j}/gaps/{g}/acknowledgement", journey, gap).then()
                .statusCode(412);
        given().header("If-Match", current).delete("/api/v1/journeys/{j}/gaps/{g}/acknowledgement", journey, gap).then()
                .statusCode(204).header("ETag", equalTo(current));
    }

    @Test
    void aMethodAResourceDoesNotAllowIs405WithAllow() {
        String journey = Fixtures.createRiskSoftware("verbs");
        given().delete("/api/v1/journeys/{j}/steps", journey).then().statusCode(405).contentType(PROBLEM)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST")).body("detail", containsString("DELETE"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/journeys/{j}", journey).then().statusCode(405)
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"));
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/keys").then().statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().post("/api/v1/journeys/{j}/reports/conversion", journey).then().statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        given().options("/api/v1/journeys/{j}/steps/decides", journey).then().statusCode(204)
                .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"));
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aBodyOverTheLimitIs413NamingTheLimitWhetherSizedOrChunked() {
        byte[] huge = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        given().contentType(ContentType.JSON).body(huge).put("/api/v1/journeys/{key}", Fixtures.uniqueKey("huge"))
                .then().statusCode(413).contentType(PROBLEM)
                .body("detail", containsString("16777216 bytes")).body("detail", not(containsString("events")));
        InputStream chunked = new ByteArrayInputStream(huge);
        given().contentType(ContentType.JSON).body(chunked).post("/api/v1/journeys/{key}/events", Fixtures.uniqueKey("huge"))
                .then().statusCode(413).contentType(PROBLEM)
                .body("detail", containsString("16777216 bytes")).body("detail", containsString("batches of at most 10,000"));
    }

    @Test
    void timesAreUtcWholeSecondsAndDurationsAreSpelledAsDesigned() {
        String journey = Fixtures.uniqueKey("spelling");
        Fixtures.putJourney(journey, Map.of("name", "Spelling", "steps", List.of(Map.of("key", "s", "name", "Asks",
                "staleAfter", "P2W", "touchpoints", List.of(Map.of("key", "call", "name", "Call", "channel", "PHONE",
                        "mode", "HUMAN", "owner", "Sales")),
                "actions", List.of(Map.of("key", "asks", "name", "Asks", "expectsResponse", true, "responseSla", "P1D",
                        "respondedBy", List.of("call"))))))).statusCode(201);
        Map<String, Object> asks = event("p1", "ACTION_PERFORMED", "action", "asks", 0, null);
        asks.put("occurredAt", "2026-01-05T00:00:00.123456+01:00");
        EventFixtures.post(journey, List.of(entered("p1", "s", -1), asks,
                event("p1", "TOUCHPOINT_DELIVERED", "touchpoint", "call", 5, null))).statusCode(200);

        String base = "/api/v1/journeys/" + journey;
        given().queryParam("asOf", at(30)).get(base + "/reports/stale?lateFactor=1").then().statusCode(200)
                .body("stale[0].staleAfter", equalTo("P2W"))
                .body("lateFollowUps[0].responseSla", equalTo("P1D"))
                .body("lateFollowUps[0].performedAt", equalTo("2026-01-04T23:00:00Z"));
        EventFixtures.post(journey, List.of(event("p2", "ACTION_PERFORMED", "action", "asks", 1, null))).statusCode(200);
        given().queryParam("asOf", at(30)).get(base + "/reports/responses/open").then().statusCode(200)
                .body("items[0].responseSla", equalTo("P1D"));
        given().get(base + "/reports/responses?from=2026-01-01&to=2026-02-01").then().body("actions[0].responseSla", equalTo("P1D"));

        List<String> times = new ArrayList<>();
        times.addAll(given().get(base + "/prospects/p1").then().extract().jsonPath().getList("timeline.occurredAt"));
        times.add(given().get(base + "/prospects/p1").then().extract().path("firstSeenAt"));
        times.add(given().get("/api/v1/journeys?limit=500").then().extract().path("items[0].updatedAt"));
        times.add(given().get(base + "/history").then().extract().path("items[0].at"));
        times.add(given().contentType(ContentType.JSON).body(Map.of("name", "t", "scopes", List.of("reports:read")))
                .post("/api/v1/keys").then().extract().path("createdAt"));
        times.add(given().get(base + "/reports/stale").then().extract().path("asOf"));
        for (String time : times) {
            assertTrue(WHOLE_SECOND_UTC.matcher(time).matches(), time);
        }
        given().get(base + "/prospects/p1").then().body("timeline.occurredAt", hasItems("2026-01-04T23:00:00Z"));
    }

    @Test
    void aBatchWithAReusedIdAndAnotherBadItemListsBoth() {
        String journey = EventFixtures.createFunnelJourney("reused");
        Map<String, Object> first = entered("p1", "a", 0);
        EventFixtures.post(journey, List.of(first)).statusCode(200);
        Map<String, Object> reused = entered("p1", "c", 1);
        reused.put("id", first.get("id"));
        Map<String, Object> bad = entered("p2", "no-such-step", 1);
        Map<String, Object> fine = entered("p3", "a", 2);
        fine.put("id", UUID.randomUUID().toString());
        EventFixtures.post(journey, List.of(fine, reused, bad)).statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("[1].id", "[2].step")))
                .body("errors[0].message", containsString("already received with different content"));
        given().get("/api/v1/journeys/{j}/prospects/p3", journey).then().statusCode(404);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode withoutFirstTransitionConditions(String journey) {
        var doc = Fixtures.riskSoftware(journey);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("transitions").get(0)).remove("conditions");
        return doc;
    }
}
