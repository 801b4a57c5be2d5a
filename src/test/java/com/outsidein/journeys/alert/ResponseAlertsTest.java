package com.outsidein.journeys.alert;

import static com.outsidein.journeys.TestKeys.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestClock;
import com.outsidein.journeys.TestKeys;
import com.standardwebhooks.Webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The response alerts, story by story, against a receiver on loopback that verifies every signature with the
 * Standard Webhooks reference library. SLAs are seconds long and the suite's sweep runs every second, so nothing
 * waits on a real day; every message is checked against the open-responses report as of the message's own moment.
 */
@QuarkusTest
class ResponseAlertsTest {

    private static WebhookReceiver receiver;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    /** One step; a contact request answered within 3 s by Inside sales, a price within an hour by Account executives. */
    private static String journey(String key) {
        String journey = Fixtures.uniqueKey("alerts");
        Map<String, Object> step = Map.of("key", "researches", "name", "Researches", "buyerGoal", "Find a vendor",
                "touchpoints", List.of(
                        Map.of("key", "callback", "name", "Sales callback", "channel", "SALES_CALL", "mode", "HUMAN", "owner", "Inside sales"),
                        Map.of("key", "price-call", "name", "Pricing call", "channel", "SALES_CALL", "mode", "HUMAN", "owner",
                                "Account executives")),
                "actions", List.of(
                        Map.of("key", "asks-to-be-contacted", "name", "Asks to be contacted", "expectsResponse", true, "responseSla",
                                "PT3S", "requiresHuman", true, "respondedBy", List.of("callback")),
                        Map.of("key", "asks-for-price", "name", "Asks for a price", "expectsResponse", true, "responseSla", "PT1H",
                                "requiresHuman", true, "respondedBy", List.of("price-call")),
                        Map.of("key", "asks-for-contract", "name", "Asks for the contract", "expectsResponse", true, "responseSla",
                                "P1D", "respondedBy", List.of("callback"))));
        as(key).contentType(ContentType.JSON).body(Map.of("key", journey, "name", "Alerts", "steps", List.of(step)))
                .put("/api/v1/journeys/{j}", journey).then().statusCode(201);
        return journey;
    }

    private static JsonNode subscribe(String key, String path, List<String> types, Object... more) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", receiver.url(path));
        body.put("types", types);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return Fixtures.JSON.readTree(as(key).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then()
                .statusCode(201).extract().asString());
    }

    private static Map<String, Object> action(String prospect, String action, Instant at, String... attributes) {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("id", UUID.randomUUID().toString(), "prospect", prospect,
                "type", "ACTION_PERFORMED", "action", action, "occurredAt", at.toString()));
        if (attributes.length > 0) {
            event.put("attributes", Map.of(attributes[0], attributes[1]));
        }
        return event;
    }

    private static Map<String, Object> touch(String prospect, String touchpoint, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "prospect", prospect, "type", "TOUCHPOINT_DELIVERED", "touchpoint",
                touchpoint, "occurredAt", at.toString());
    }

    private static void send(String key, String journey, Object... events) {
        as(key).contentType(ContentType.JSON).body(List.of(events)).post("/api/v1/journeys/{j}/events", journey).then()
                .statusCode(200).body("accepted", equalTo(events.length));
    }

    private static Instant now() {
        return TestClock.current().truncatedTo(ChronoUnit.SECONDS);
    }

    private static JsonNode body(WebhookReceiver.Received message) throws Exception {
        return Fixtures.JSON.readTree(message.body());
    }

    private static boolean is(WebhookReceiver.Received message, String type, String prospect) {
        try {
            JsonNode body = body(message);
            return body.path("type").asText().equals(type) && body.path("data").path("prospect").asText().equals(prospect);
        } catch (Exception e) {
            return false;
        }
    }

    /** The open-responses report's row for a prospect, as of a moment; missing when nothing of it is open then. */
    private static JsonNode openRow(String key, String journey, String prospect, String asOf) throws Exception {
        JsonNode page = Fixtures.JSON.readTree(as(key).queryParam("asOf", asOf).get("/api/v1/journeys/{j}/reports/responses/open",
                journey).then().statusCode(200).extract().asString());
        for (JsonNode row : page.path("items")) {
            if (row.path("prospect").asText().equals(prospect)) {
                return row;
            }
        }
        return null;
    }

    private static List<String> deliveredTypes(String key, JsonNode subscription) throws Exception {
        JsonNode page = Fixtures.JSON.readTree(as(key).get("/api/v1/webhooks/{id}/deliveries", subscription.path("id").asText())
                .then().statusCode(200).extract().asString());
        List<String> types = new ArrayList<>();
        page.path("items").forEach(item -> types.add(item.path("type").asText()));
        return types;
    }

    @Test
    void anUnansweredActionIsToldOverdueAsTheOpenReportSaysThenResolvedWhenAnswered() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("alerts"));
        String journey = journey(key);
        String path = "/" + journey + "/standard";
        JsonNode standard = subscribe(key, path, List.of("response.overdue", "response.resolved"));
        JsonNode slack = subscribe(key, "/" + journey + "/slack", List.of("response.overdue"), "format", "slack");
        Instant performed = now().minusSeconds(1);
        Map<String, Object> asked = action("dana", "asks-to-be-contacted", performed, "name", "Dana Reyes");
        send(key, journey, asked);

        WebhookReceiver.Received overdue = receiver.await(path, m -> is(m, "response.overdue", "dana"), 1).get(0);
        new Webhook(standard.path("secret").asText()).verify(overdue.body(), overdue.headers());
        JsonNode message = body(overdue);
        JsonNode data = message.path("data");
        assertEquals(journey, data.path("journey").asText());
        assertEquals("researches", data.path("step").asText());
        assertEquals("asks-to-be-contacted", data.path("action").asText());
        assertEquals("Dana Reyes", data.path("prospectName").asText());
        assertEquals(performed.toString(), Instant.parse(data.path("performedAt").asText()).toString());
        assertEquals(performed.plusSeconds(3), Instant.parse(data.path("dueAt").asText()));
        assertEquals("PT3S", data.path("responseSla").asText());
        assertEquals(List.of("Inside sales"), Fixtures.JSON.convertValue(data.path("owners"), List.class));
        assertEquals(List.of("callback"), Fixtures.JSON.convertValue(data.path("touchpoints"), List.class));
        assertEquals("/api/v1/journeys/" + journey + "/prospects/dana", data.path("links").path("prospect").asText());
        assertEquals("/api/v1/journeys/" + journey + "/reports/responses/open", data.path("links").path("open").asText());
        // The open report as of the message's moment says the same: open, and overdue by as much.
        JsonNode row = openRow(key, journey, "dana", message.path("timestamp").asText());
        assertEquals(data.path("overdueSeconds").asLong(), row.path("overdueSeconds").asLong(), row.toString());
        assertTrue(row.path("overdueSeconds").asLong() > 0, row.toString());
        assertEquals(data.path("dueAt").asText(), row.path("dueAt").asText().replace(".000", ""));

        WebhookReceiver.Received chat = receiver.await("/" + journey + "/slack", 1).get(0);
        new Webhook(slack.path("secret").asText()).verify(chat.body(), chat.headers());
        String text = body(chat).path("text").asText();
        assertTrue(text.matches("Overdue: Dana Reyes — “Asks to be contacted” — \\d+ s ago \\(SLA 3 s\\), not answered; "
                + "owner: Inside sales \\(journey " + journey + "\\)"), text);

        // The same event re-sent is a duplicate: nothing new is told.
        as(key).contentType(ContentType.JSON).body(List.of(asked)).post("/api/v1/journeys/{j}/events", journey).then()
                .statusCode(200).body("duplicates", equalTo(1));
        Instant answered = now();
        send(key, journey, touch("dana", "callback", answered));
        WebhookReceiver.Received resolved = receiver.await(path, m -> is(m, "response.resolved", "dana"), 1).get(0);
        new Webhook(standard.path("secret").asText()).verify(resolved.body(), resolved.headers());
        JsonNode resolution = body(resolved).path("data");
        assertEquals(answered, Instant.parse(resolution.path("answeredAt").asText()));
        assertEquals("callback", resolution.path("answeredBy").asText());
        assertEquals(answered.getEpochSecond() - performed.plusSeconds(3).getEpochSecond(), resolution.path("lateBySeconds").asLong());
        assertEquals(null, openRow(key, journey, "dana", now().toString()));
        as(key).queryParam("from", performed.minusSeconds(60).toString()).queryParam("to", now().plusSeconds(1).toString())
                .get("/api/v1/journeys/{j}/reports/responses", journey).then().statusCode(200)
                .body("actions.find { it.action == 'asks-to-be-contacted' }.answeredLate", equalTo(1));
        // One message per occurrence and type: the overdue one, then its resolution, and nothing twice.
        assertEquals(List.of("response.resolved", "response.overdue"), deliveredTypes(key, standard));
        assertEquals(List.of("response.overdue"), deliveredTypes(key, slack));
    }

    @Test
    void anAnswerTimedBeforeTheDueMomentResolvesInTimeAndOneThatArrivedFirstSilencesTheAction() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("alerts"));
        String journey = journey(key);
        String path = "/" + journey + "/hooks";
        JsonNode subscription = subscribe(key, path, List.of("response.overdue", "response.resolved"));
        Instant now = now();
        // The answer arrives before the action it answers (a late event): the action is answered in time, nothing is told.
        send(key, journey, touch("answered-first", "callback", now.minusSeconds(5)));
        send(key, journey, action("answered-first", "asks-to-be-contacted", now.minusSeconds(6)));
        assertEquals(List.of(), deliveredTypes(key, subscription));

        Instant performed = now.minusSeconds(1);
        send(key, journey, action("late-answer", "asks-to-be-contacted", performed));
        receiver.await(path, m -> is(m, "response.overdue", "late-answer"), 1);
        // The callback happened a second after the request, inside the SLA; the CRM only sends it now.
        send(key, journey, touch("late-answer", "callback", performed.plusSeconds(1)));
        JsonNode resolution = body(receiver.await(path, m -> is(m, "response.resolved", "late-answer"), 1).get(0)).path("data");
        assertEquals(0, resolution.path("lateBySeconds").asLong());
        assertEquals(performed.plusSeconds(1), Instant.parse(resolution.path("answeredAt").asText()));
        as(key).queryParam("from", now.minusSeconds(60).toString()).queryParam("to", now().plusSeconds(1).toString())
                .get("/api/v1/journeys/{j}/reports/responses", journey).then().statusCode(200)
                .body("actions.find { it.action == 'asks-to-be-contacted' }.answeredInSla", equalTo(2))
                .body("actions.find { it.action == 'asks-to-be-contacted' }.answeredLate", equalTo(0));
        assertTrue(receiver.at(path).stream().noneMatch(m -> m.body().contains("answered-first")));
        assertEquals(List.of("response.resolved", "response.overdue"), deliveredTypes(key, subscription));
    }

    @Test
    void anActionArrivingAlreadyOverdueAlertsAtOnceOnlyWithinTheMaxAge() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("alerts"));
        String journey = journey(key);
        String path = "/" + journey + "/hooks";
        JsonNode subscription = subscribe(key, path, List.of("response.due_soon", "response.overdue"), "warnBefore", "PT12H");
        Instant now = now();
        send(key, journey, action("recent", "asks-for-contract", now.minus(2, ChronoUnit.DAYS)),
                action("ancient", "asks-for-contract", now.minus(10, ChronoUnit.DAYS)));
        // Written with the events, in their transaction: one overdue (due a day ago), none for the one due 9 days ago
        // (past JOURNEYS_ALERTS_MAX_AGE, P7D), and no warning for what can no longer be answered in time.
        assertEquals(List.of("response.overdue"), deliveredTypes(key, subscription));
        JsonNode data = body(receiver.await(path, 1).get(0)).path("data");
        assertEquals("recent", data.path("prospect").asText());
        assertEquals(86_400, data.path("overdueSeconds").asLong(), 2);
        // The report lists both: it tells what is open, the alerts only what is still worth a call.
        assertTrue(openRow(key, journey, "ancient", now.toString()).path("overdueSeconds").asLong() >= 9 * 86_400);
        assertTrue(openRow(key, journey, "recent", now.toString()).path("overdueSeconds").asLong() >= 86_400);
    }

    @Test
    void ownersHearOfTheirActionsOnlyAndAWarningComesBeforeTheDueMoment() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("alerts"));
        String journey = journey(key);
        String sales = "/" + journey + "/account-executives";
        String inside = "/" + journey + "/inside-sales";
        JsonNode executives = subscribe(key, sales, List.of("response.due_soon", "response.overdue"), "warnBefore", "PT59M58S",
                "owners", List.of("Account executives"), "format", "slack");
        JsonNode insideSales = subscribe(key, inside, List.of("response.overdue"), "owners", List.of("Inside sales"));
        Instant now = now();
        send(key, journey, action("pat", "asks-for-price", now.minusSeconds(1), "firstName", "Pat"),
                action("sam", "asks-to-be-contacted", now.minusSeconds(1)));

        String warning = body(receiver.await(sales, 1).get(0)).path("text").asText();
        assertTrue(warning.matches("Due in 59 min \\d+ s: Pat — “Asks for a price” — \\d+ s ago \\(SLA 1 h\\), not answered; "
                + "owner: Account executives \\(journey " + journey + "\\)"), warning);
        WebhookReceiver.Received overdue = receiver.await(inside, m -> is(m, "response.overdue", "sam"), 1).get(0);
        new Webhook(insideSales.path("secret").asText()).verify(overdue.body(), overdue.headers());
        // Sam's request is Inside sales' only: the account executives heard nothing of it, Inside sales nothing of Pat.
        assertEquals(List.of("response.due_soon"), deliveredTypes(key, executives));
        assertEquals(List.of("response.overdue"), deliveredTypes(key, insideSales));
        as(key).get("/api/v1/webhooks/{id}/deliveries", executives.path("id").asText()).then().body("items", hasSize(1))
                .body("items.type", contains("response.due_soon"));
    }

    @Test
    void aShorterSlaInTheDesignBringsTheOverdueForward() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("alerts"));
        String journey = journey(key);
        String path = "/" + journey + "/hooks";
        subscribe(key, path, List.of("response.overdue"));
        Instant performed = now().minusSeconds(5);
        send(key, journey, action("quinn", "asks-for-price", performed));
        // Due in an hour; then the team decides a price request is answered within two seconds.
        as(key).contentType("application/merge-patch+json").body(Map.of("responseSla", "PT2S"))
                .patch("/api/v1/journeys/{j}/steps/researches/actions/asks-for-price", journey).then().statusCode(200);
        JsonNode data = body(receiver.await(path, m -> is(m, "response.overdue", "quinn"), 1).get(0)).path("data");
        assertEquals("PT2S", data.path("responseSla").asText());
        assertEquals(performed.plusSeconds(2), Instant.parse(data.path("dueAt").asText()));
    }

    @Test
    void withoutAResponseSubscriptionNothingIsFollowedSoANewOneNeverCallsAnAnsweredActionOverdue() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("alerts"));
        String journey = journey(key);
        String path = "/" + journey + "/hooks";
        JsonNode first = subscribe(key, path, List.of("response.overdue"));
        Instant asked = now().minusSeconds(1);
        send(key, journey, action("riley", "asks-to-be-contacted", asked));
        assertEquals(1, watched(journey), "the waiting action is followed");
        as(key).delete("/api/v1/webhooks/{id}", first.path("id").asText()).then().statusCode(204);
        assertEquals(0, watched(journey), "nothing follows it any more");
        // Answered in time while nobody listened; a subscription made later must not call it overdue when its SLA ends.
        send(key, journey, touch("riley", "callback", asked.plusSeconds(1)));
        JsonNode second = subscribe(key, path, List.of("response.overdue"));
        send(key, journey, action("sky", "asks-to-be-contacted", now().minusSeconds(1)));
        receiver.await(path, m -> is(m, "response.overdue", "sky"), 1);
        assertEquals(List.of("response.overdue"), deliveredTypes(key, second));
        assertTrue(receiver.at(path).stream().noneMatch(m -> m.body().contains("riley")));
    }

    private long watched(String journey) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from response_watch w join journey j on j.id = w.journey_id where j.key = ?")) {
            s.setString(1, journey);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
