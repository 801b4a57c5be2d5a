package com.outsidein.journeys.source;

import static com.outsidein.journeys.TestKeys.anonymous;
import static com.outsidein.journeys.TestKeys.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestClock;
import com.outsidein.journeys.TestKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The Segment-compatible receiver over HTTP: the white-paper story sent as Segment calls becomes events of
 * the journeys that map them, with the reports' numbers worked by hand; re-sends, traits, errors and teams.
 */
@QuarkusTest
class SegmentReceiverTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String T0 = "2026-03-02T09:00:00Z";
    private static final String SEGMENT = "/api/v1/sources/segment/v1/";

    /** Segment's own authentication: the key as Basic user name, an empty password. */
    private static RequestSpecification basic(String key) {
        return anonymous().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
    }

    private static String at(long minutes) {
        return Instant.parse(T0).plus(Duration.ofMinutes(minutes)).toString();
    }

    private static Map<String, Object> call(String type, String person, String messageId, long minutes, Object... fields) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("type", type);
        call.put(person.startsWith("anon-") ? "anonymousId" : "userId", person);
        call.put("messageId", messageId);
        call.put("timestamp", at(minutes));
        call.put("context", Map.of("library", Map.of("name", "test", "version", "1")));
        for (int i = 0; i < fields.length; i += 2) {
            call.put((String) fields[i], fields[i + 1]);
        }
        return call;
    }

    /** The white-paper story: Dana reads, downloads and ticks "contact me"; nobody calls. Eli only downloads. */
    private static List<Map<String, Object>> story() {
        return List.of(
                call("identify", "dana", "m-0", -1440, "traits", Map.of("name", "Dana Reyes", "role", "risk-officer",
                        "address", Map.of("city", "Leeds"))),
                call("page", "dana", "m-1", 0, "name", "Operational Risk Article"),
                call("page", "dana", "m-2", 60, "name", "Risk White Paper"),
                call("track", "dana", "m-3", 61, "event", "Whitepaper Requested", "properties", Map.of("contact_me", true)),
                call("track", "dana", "m-4", 63, "event", "Email Delivered", "properties", Map.of("campaign", "risk-white-paper")),
                call("track", "dana", "m-5", 64, "event", "Video Played"),
                call("page", "anon-7", "m-6", 120, "name", "Operational Risk Article"),
                call("track", "eli", "m-7", 180, "event", "Whitepaper Requested", "properties", Map.of("contact_me", "false")),
                call("track", "eli", "m-8", 181, "event", "Email Delivered", "properties", Map.of("campaign", "other")),
                call("screen", "eli", "m-9", 182, "name", "Home"),
                call("track", "eli", "m-10", 300, "event", "Call Completed", "properties", Map.of("reason", "callback")));
    }

    private static ValidatableResponse send(RequestSpecification request, String path, Object body) {
        return request.contentType(ContentType.JSON).body(body).post(SEGMENT + path).then();
    }

    private static String teamWithJourney(String journey) {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("cdp"));
        as(key).contentType(ContentType.JSON).body(Fixtures.riskSoftware(journey)).put("/api/v1/journeys/{j}", journey)
                .then().statusCode(201);
        return key;
    }

    @Test
    void theWhitePaperStorySentAsSegmentCallsGivesTheReportsWorkedByHand() {
        String key = teamWithJourney("risk-software");
        send(basic(key), "batch", Map.of("batch", story())).statusCode(200)
                .body("accepted", equalTo(8)).body("duplicates", equalTo(0)).body("ignored", equalTo(3));

        String j = "/api/v1/journeys/risk-software";
        // Population: first entry into notices-risk in March: dana and anon-7; only dana went on to research.
        as(key).get(j + "/reports/conversion?from=2026-03-01&to=2026-04-01").then().statusCode(200)
                .body("funnels[0].population", equalTo(2))
                .body("funnels[0].steps.step", contains("notices-risk", "researches-risk", "compares-vendors", "decides"))
                .body("funnels[0].steps.entered", contains(2, 1, 0, 0))
                .body("funnels[0].steps.converted", contains(1, 0, 0, null));
        // requests-white-paper: dana answered by the mail 2 min later (SLA 10 min), eli never; contact-me: nobody called dana.
        ValidatableResponse responses = as(key).get(j + "/reports/responses?from=2026-03-01&to=2026-04-01&asOf=2026-04-01T00:00:00Z")
                .then().statusCode(200);
        responses.body("actions.find { it.action == 'requests-white-paper' }.performed", equalTo(2))
                .body("actions.find { it.action == 'requests-white-paper' }.answeredInSla", equalTo(1))
                .body("actions.find { it.action == 'requests-white-paper' }.unanswered", equalTo(1))
                .body("actions.find { it.action == 'asks-to-be-contacted' }.performed", equalTo(1))
                .body("actions.find { it.action == 'asks-to-be-contacted' }.unanswered", equalTo(1));
        as(key).get(j + "/reports/responses/open?asOf=2026-04-01T00:00:00Z").then().statusCode(200)
                .body("items.prospect", contains("dana", "eli"))
                .body("items.action", contains("asks-to-be-contacted", "requests-white-paper"))
                .body("items[0].owners", contains("Inside sales"));
        // Identify traits (nested objects flattened) became Dana's attributes; her corrected times are the timestamps.
        as(key).get(j + "/prospects/dana").then().statusCode(200)
                .body("currentStep", equalTo("researches-risk"))
                .body("attributes", equalTo(Map.of("name", "Dana Reyes", "role", "risk-officer", "address.city", "Leeds")))
                .body("timeline.type", contains("STEP_ENTERED", "STEP_ENTERED", "ACTION_PERFORMED", "ACTION_PERFORMED",
                        "TOUCHPOINT_DELIVERED"))
                .body("timeline.occurredAt", contains(at(0), at(60), at(61), at(61), at(63)));
        as(key).get(j + "/prospects/anon-7").then().statusCode(200).body("currentStep", equalTo("notices-risk"));

        // The same calls again, sent later with a sentAt (so their corrected times move): all duplicates.
        Map<String, Object> resent = new LinkedHashMap<>();
        resent.put("batch", story());
        resent.put("sentAt", TestClock.current().plus(Duration.ofMinutes(10)).toString());
        send(basic(key), "import/", resent).statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(8)).body("ignored", equalTo(3));
        as(key).get(j + "/prospects/dana").then().body("timeline.occurredAt", contains(at(0), at(60), at(61), at(61), at(63)));

        // A sales call logged by the CRM answers Dana's request, late (SLA one day), and closes it.
        send(basic(key), "track", call("track", "dana", "m-11", 60 * 30, "event", "Call Completed",
                "properties", Map.of("reason", "callback", "duration", 300))).statusCode(200)
                .body("accepted", equalTo(1)).body("ignored", equalTo(0));
        as(key).get(j + "/reports/responses/open?asOf=2026-04-01T00:00:00Z").then().body("items.prospect", contains("eli"));
        as(key).get(j + "/reports/responses?from=2026-03-01&to=2026-04-01&asOf=2026-04-01T00:00:00Z").then()
                .body("actions.find { it.action == 'asks-to-be-contacted' }.answeredLate", equalTo(1));
    }

    @Test
    void traitsFollowThePersonIntoEveryJourneyIncludingLaterOnes() {
        String key = teamWithJourney("first");
        send(basic(key), "page", call("page", "dana", "p-1", 0, "name", "Operational Risk Article")).statusCode(200)
                .body("accepted", equalTo(1));
        // identify after the first event: updates the prospect where it exists, and is kept for later journeys.
        send(basic(key), "identify", call("identify", "dana", "i-1", 10, "traits", Map.of("role", "cfo", "employees", 250)))
                .statusCode(200).body("accepted", equalTo(0)).body("ignored", equalTo(0));
        as(key).get("/api/v1/journeys/first/prospects/dana").then().body("attributes", equalTo(Map.of("role", "cfo", "employees", "250")));
        as(key).contentType(ContentType.JSON).body(Fixtures.riskSoftware("second")).put("/api/v1/journeys/second").then().statusCode(201);
        // One call feeds both journeys; context.traits count like identify traits.
        send(basic(key), "page", call("page", "dana", "p-2", 20, "name", "Risk White Paper",
                "context", Map.of("traits", Map.of("region", "emea")))).statusCode(200).body("accepted", equalTo(2));
        as(key).get("/api/v1/journeys/second/prospects/dana").then().statusCode(200)
                .body("attributes", equalTo(Map.of("role", "cfo", "employees", "250", "region", "emea")))
                .body("currentStep", equalTo("researches-risk"));
        as(key).get("/api/v1/journeys/first/prospects/dana").then()
                .body("attributes", equalTo(Map.of("role", "cfo", "employees", "250", "region", "emea")));
    }

    @Test
    void theWriteKeyMayComeInTheBodyAndOtherTeamsNeverSeeTheCalls() {
        String key = teamWithJourney("risk-software");
        String other = teamWithJourney("risk-software");
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("batch", List.of(call("page", "dana", "w-1", 0, "name", "Operational Risk Article")));
        batch.put("writeKey", key);
        send(anonymous(), "batch/", batch).statusCode(200).body("accepted", equalTo(1));
        as(key).get("/api/v1/journeys/risk-software/prospects/dana").then().statusCode(200);
        as(other).get("/api/v1/journeys/risk-software/prospects/dana").then().statusCode(404);
        batch.put("writeKey", "pj_notakey");
        send(anonymous(), "batch", batch).statusCode(401).contentType(PROBLEM);
    }

    @Test
    void refusalsAreProblemsAndStoreNothing() {
        String key = teamWithJourney("risk-software");
        List<Map<String, Object>> bad = new ArrayList<>(story());
        Map<String, Object> nobody = new LinkedHashMap<>(bad.get(1));
        nobody.remove("userId");
        bad.set(1, nobody);
        Map<String, Object> noEvent = new LinkedHashMap<>(bad.get(3));
        noEvent.remove("event");
        bad.set(3, noEvent);
        Map<String, Object> badTime = new LinkedHashMap<>(bad.get(4));
        badTime.put("timestamp", "yesterday");
        bad.set(4, badTime);
        send(basic(key), "batch", Map.of("batch", bad)).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("batch[1].userId", "batch[3].event", "batch[4].timestamp"))
                .body("detail", containsString("nothing was stored"));
        as(key).get("/api/v1/journeys/risk-software/prospects/dana").then().statusCode(404);

        send(basic(key), "identify", call("identify", "dana", "nul", 0, "traits", Map.of("role", "cfo\u0000"))).statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("traits"));
        send(basic(key), "page", call("page", "da\u0000na", "nul", 0, "name", "Pricing", "type", "track")).statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("type", "userId"));
        basic(key).contentType(ContentType.JSON).body("{\"batch\": [").post(SEGMENT + "batch").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("not valid JSON"));
        send(basic(key), "batch", Map.of("calls", List.of())).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("batch"));
        send(anonymous(), "track", call("track", "dana", "x", 0, "event", "Whitepaper Requested")).statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
        anonymous().header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":secret").getBytes()))
                .contentType(ContentType.JSON).body(call("track", "dana", "x", 0, "event", "Whitepaper Requested"))
                .post(SEGMENT + "track").then().statusCode(401).contentType(PROBLEM);
        String readOnly = as(key).contentType(ContentType.JSON).body(Map.of("name", "reader", "scopes", List.of("reports:read")))
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");
        send(basic(readOnly), "track", call("track", "dana", "x", 0, "event", "Whitepaper Requested")).statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("events:write"));

        String big = "x".repeat(900);
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            props.put("p" + i, big);
        }
        send(basic(key), "track", call("track", "dana", "big", 0, "event", "Whitepaper Requested", "properties", props))
                .statusCode(413).contentType(PROBLEM).body("detail", containsString("32 KB"));
        send(basic(key), "batch", Map.of("batch", List.of(call("track", "dana", "big", 0, "event", "Whitepaper Requested",
                "properties", props)))).statusCode(413).contentType(PROBLEM).body("detail", containsString("batch[0]"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> half = new LinkedHashMap<>(props);
            half.keySet().removeIf(p -> Integer.parseInt(p.substring(1)) >= 30);
            many.add(call("track", "dana", "many-" + i, 0, "event", "Whitepaper Requested", "properties", half));
        }
        send(basic(key), "batch", Map.of("batch", many)).statusCode(413).contentType(PROBLEM)
                .body("detail", containsString("500 KB"));
        as(key).get("/api/v1/journeys/risk-software/prospects/dana").then().statusCode(404);
    }

    @Test
    void theKeysRateLimitHoldsForSourcesAndTheWriteKeyInTheBodyCountsToo() {
        String key = teamWithJourney("risk-software");
        // The smallest limit a key may have: a burst of that many calls, then 429 with Retry-After.
        String limited = as(key).contentType(ContentType.JSON)
                .body(Map.of("name", "cdp", "scopes", List.of("events:write"), "rateLimit", 10)).post("/api/v1/keys")
                .then().statusCode(201).extract().path("secret");
        int admitted = 0;
        ValidatableResponse refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            Map<String, Object> batch = new LinkedHashMap<>();
            batch.put("batch", List.of(call("page", "dana", "rl-" + i, i, "name", "Operational Risk Article")));
            batch.put("writeKey", limited);
            ValidatableResponse response = send(i % 2 == 0 ? basic(limited) : anonymous(), "batch", batch);
            if (response.extract().statusCode() == 429) {
                refused = response;
            } else {
                response.statusCode(200);
                admitted++;
            }
        }
        assertTrue(refused != null, "the limit was never reached");
        refused.contentType(PROBLEM).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertTrue(admitted >= 10 && admitted <= 12, "about the key's burst of 10 was admitted: " + admitted);
    }

    @Test
    void theProspectCapHoldsForSourcesAndRefusesTheWholeBatch() {
        String key = teamWithJourney("risk-software");
        // The suite's cap is 500 events a prospect: 501 mapped calls for one person, and one for another.
        List<Map<String, Object>> calls = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            calls.add(call("page", "heavy", "cap-" + i, i, "name", "Operational Risk Article"));
        }
        calls.add(call("page", "light", "cap-light", 0, "name", "Operational Risk Article"));
        send(basic(key), "batch", Map.of("batch", calls)).statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("prospect heavy"));
        as(key).get("/api/v1/journeys/risk-software/prospects/light").then().statusCode(404);
    }

    @Test
    void theSenderClockIsCorrectedBySentAt() {
        String key = teamWithJourney("risk-software");
        Instant serverNow = TestClock.current();
        // The sender's clock runs an hour fast: its timestamp and sentAt are both an hour ahead of the server's.
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("batch", List.of(call("page", "dana", "skew-1", 0, "name", "Operational Risk Article",
                "timestamp", serverNow.plus(Duration.ofMinutes(55)).toString())));
        batch.put("sentAt", serverNow.plus(Duration.ofHours(1)).toString());
        send(basic(key), "batch", batch).statusCode(200).body("accepted", equalTo(1));
        String stored = as(key).get("/api/v1/journeys/risk-software/prospects/dana").then().extract().path("timeline[0].occurredAt");
        Duration error = Duration.between(serverNow.minus(Duration.ofMinutes(5)), Instant.parse(stored)).abs();
        assertTrue(error.getSeconds() < 5, "corrected to five minutes before the server's now, within the request's time: " + stored);
    }

    @Test
    void aCallTwoElementsOfADesignClaimIsRefusedNamingBoth() {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("cdp"));
        var doc = Fixtures.riskSoftware("clash");
        ((com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.element(doc, "requests-pricing")).set("sourceEvents",
                Fixtures.JSON.valueToTree(List.of(Map.of("type", "TRACK", "name", "Whitepaper Requested",
                        "where", Map.of("contact_me", "true")))));
        as(key).contentType(ContentType.JSON).body(doc).put("/api/v1/journeys/clash").then().statusCode(409)
                .contentType(PROBLEM)
                .body("errors.field", contains(Fixtures.pathOf(doc, "requests-pricing") + ".sourceEvents[0]"))
                .body("errors[0].message", containsString("action 'asks-to-be-contacted'"))
                .body("errors[0].message", containsString("action 'requests-pricing'"));
        as(key).get("/api/v1/journeys/clash").then().statusCode(404);
    }
}
