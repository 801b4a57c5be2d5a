package com.outsidein.journeys.alert;

import static com.outsidein.journeys.TestKeys.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestKeys;
import com.standardwebhooks.Webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Webhook subscriptions and their delivery over real HTTP to a receiver on loopback, every signature verified
 * by the Standard Webhooks reference library (com.standardwebhooks:standardwebhooks), not by the service's code.
 * The suite's settings make retries fast (PT0.3S) and an attempt time out after 1 s.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String PROBLEM = "application/problem+json";
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

    private static JsonNode subscribe(String key, String path, Object... more) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("url", receiver.url(path));
        body.put("types", List.of("journey.gaps_opened"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return Fixtures.JSON.readTree(as(key).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then()
                .statusCode(201).body("secret", startsWith("whsec_")).body("enabled", equalTo(true)).extract().asString());
    }

    private static void verify(String secret, WebhookReceiver.Received message) throws Exception {
        new Webhook(secret).verify(message.body(), message.headers());
    }

    private static String test(String key, String id) {
        return as(key).post("/api/v1/webhooks/{id}/test", id).then().statusCode(202).extract().path("id");
    }

    @Test
    void aTestMessageArrivesSignedAndTheSecretIsShownOnlyOnce() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("hooks"));
        JsonNode created = subscribe(key, "/signed", "description", "Inside sales channel");
        String id = created.path("id").asText();
        String secret = created.path("secret").asText();
        as(key).get("/api/v1/webhooks/{id}", id).then().statusCode(200).body("secret", nullValue())
                .body("url", equalTo(receiver.url("/signed"))).body("types", contains("journey.gaps_opened"));
        as(key).get("/api/v1/webhooks").then().statusCode(200).body("items.id", contains(id))
                .body(not(containsString(secret.substring(6))));

        String messageId = test(key, id);
        WebhookReceiver.Received message = receiver.await("/signed", 1).get(0);
        verify(secret, message);
        assertEquals(messageId, message.header("webhook-id"));
        JsonNode body = Fixtures.JSON.readTree(message.body());
        assertEquals("webhook.test", body.path("type").asText());
        assertEquals(id, body.path("data").path("subscription").asText());
        awaitDelivery(key, id, messageId, "DELIVERED", 1);

        // Not in a stored row in plain text, not in the log.
        String secretPart = secret.substring(6);
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from webhook_subscription s where s::text like '%" + secretPart + "%'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the secret is stored in plain text");
        }
        assertFalse(Files.readString(Path.of("target", "quarkus.log")).contains(secretPart), "the log holds a secret");
    }

    @Test
    void aDesignWriteThatOpensGapsTellsTheSubscribersOnce() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("hooks"));
        JsonNode all = subscribe(key, "/gaps-all");
        JsonNode other = subscribe(key, "/gaps-other", "journeys", List.of("another-journey"), "format", "slack");
        as(key).contentType(ContentType.JSON).body(Fixtures.riskSoftware("risk-software")).put("/api/v1/journeys/risk-software")
                .then().statusCode(201);
        var doc = Fixtures.riskSoftware("risk-software");
        Fixtures.element(doc, "white-paper-mail").remove("owner");
        long version = as(key).contentType(ContentType.JSON).body(doc).put("/api/v1/journeys/risk-software").then()
                .statusCode(200).extract().jsonPath().getLong("version");
        // The same document again makes no version, and opens nothing.
        as(key).contentType(ContentType.JSON).body(doc).put("/api/v1/journeys/risk-software").then().statusCode(200);

        List<WebhookReceiver.Received> messages = receiver.await("/gaps-all",
                r -> r.body().contains("unowned-response.white-paper-mail"), 1);
        WebhookReceiver.Received message = messages.get(0);
        verify(all.path("secret").asText(), message);
        JsonNode data = Fixtures.JSON.readTree(message.body()).path("data");
        assertEquals("journey.gaps_opened", Fixtures.JSON.readTree(message.body()).path("type").asText());
        assertEquals("risk-software", data.path("journey").asText());
        assertEquals(version, data.path("version").asLong());
        assertEquals(List.of("unowned-response.white-paper-mail"), ids(data.path("gaps")));
        assertEquals("HIGH", data.path("gaps").get(0).path("severity").asText());
        assertTrue(data.path("by").path("keyName").asText().contains("admin"), data.toString());
        Thread.sleep(600); // three poll intervals: nothing more may come
        assertEquals(1, receiver.at("/gaps-all").stream().filter(r -> r.body().contains("unowned-response.white-paper-mail")).count());
        // The very first version opened the example's own gaps; a subscription filtered to another journey heard nothing.
        assertTrue(receiver.at("/gaps-all").size() >= 1);
        assertEquals(0, receiver.at("/gaps-other").size());
        as(key).get("/api/v1/webhooks/{id}/deliveries", other.path("id").asText()).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aFailingEndpointIsRetriedWithTheSameIdAndA410DisablesIt() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("hooks"));
        JsonNode flaky = subscribe(key, "/flaky");
        receiver.answer("/flaky", 500, 503);
        String messageId = test(key, flaky.path("id").asText());
        List<WebhookReceiver.Received> attempts = receiver.await("/flaky", 3);
        assertEquals(List.of(messageId, messageId, messageId), attempts.stream().map(r -> r.header("webhook-id")).toList());
        for (WebhookReceiver.Received attempt : attempts) {
            verify(flaky.path("secret").asText(), attempt);
        }
        awaitDelivery(key, flaky.path("id").asText(), messageId, "DELIVERED", 3);
        as(key).get("/api/v1/webhooks/{id}", flaky.path("id").asText()).then().body("failingSince", nullValue());

        JsonNode gone = subscribe(key, "/gone");
        receiver.answer("/gone", 410);
        String goneMessage = test(key, gone.path("id").asText());
        awaitDelivery(key, gone.path("id").asText(), goneMessage, "FAILED", 1);
        as(key).get("/api/v1/webhooks/{id}", gone.path("id").asText()).then().body("enabled", equalTo(false))
                .body("disabledReason", containsString("410"));
        // The team fixes its endpoint and re-enables the subscription: messages flow again.
        as(key).contentType("application/merge-patch+json").body(Map.of("enabled", true))
                .patch("/api/v1/webhooks/{id}", gone.path("id").asText()).then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue());
        String afterFix = test(key, gone.path("id").asText());
        awaitDelivery(key, gone.path("id").asText(), afterFix, "DELIVERED", 1);

        // An endpoint that never answers in time: each attempt times out, then the message is given up.
        JsonNode silent = subscribe(key, "/silent");
        receiver.delay("/silent", Duration.ofMillis(1_500));
        String silentMessage = test(key, silent.path("id").asText());
        JsonNode delivery = awaitDelivery(key, silent.path("id").asText(), silentMessage, "FAILED", 4);
        assertTrue(delivery.path("lastError").asText().contains("no answer"), delivery.toString());
        // Sent again on request, with its id.
        receiver.delay("/silent", Duration.ZERO);
        as(key).post("/api/v1/webhooks/{id}/deliveries/{m}/redeliver", silent.path("id").asText(), silentMessage).then()
                .statusCode(202);
        awaitDelivery(key, silent.path("id").asText(), silentMessage, "DELIVERED", 1);
        assertEquals(silentMessage, receiver.at("/silent").get(receiver.at("/silent").size() - 1).header("webhook-id"));
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneForADay() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("hooks"));
        JsonNode created = subscribe(key, "/rotated");
        String id = created.path("id").asText();
        String rotated = as(key).post("/api/v1/webhooks/{id}/secret", id).then().statusCode(200)
                .body("previousSecretUntil", not(nullValue())).extract().path("secret");
        assertFalse(rotated.equals(created.path("secret").asText()));
        test(key, id);
        WebhookReceiver.Received message = receiver.await("/rotated", 1).get(0);
        assertEquals(2, message.header("webhook-signature").split(" ").length);
        verify(rotated, message);
        verify(created.path("secret").asText(), message);
    }

    @Test
    void subscriptionsAreCheckedLimitedAndTheTeamsOwn() throws Exception {
        String key = TestKeys.newTeam(Fixtures.uniqueKey("hooks"));
        as(key).contentType(ContentType.JSON).body(Map.of("url", "ftp://example.com/x", "types", List.of("nope",
                "journey.gaps_opened", "journey.gaps_opened"), "warnBefore", "soon")).post("/api/v1/webhooks").then().statusCode(422)
                .contentType(PROBLEM).body("errors.field", contains("url", "types[0]", "types[2]", "warnBefore"));
        // A warning needs to know how long before the SLA ends to warn.
        as(key).contentType(ContentType.JSON).body(Map.of("url", receiver.url("/x"), "types", List.of("response.due_soon")))
                .post("/api/v1/webhooks").then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("warnBefore"));
        JsonNode mine = subscribe(key, "/mine");
        String otherTeam = TestKeys.newTeam(Fixtures.uniqueKey("hooks"));
        String id = mine.path("id").asText();
        as(otherTeam).get("/api/v1/webhooks/{id}", id).then().statusCode(404).contentType(PROBLEM);
        as(otherTeam).post("/api/v1/webhooks/{id}/test", id).then().statusCode(404);
        as(otherTeam).get("/api/v1/webhooks").then().body("items", org.hamcrest.Matchers.empty());
        as(key).contentType("application/merge-patch+json").body(Map.of("description", "Renamed", "owners", List.of("Inside sales")))
                .patch("/api/v1/webhooks/{id}", id).then().statusCode(200).body("description", equalTo("Renamed"))
                .body("owners", contains("Inside sales")).body("url", equalTo(receiver.url("/mine")));
        as(key).contentType("application/merge-patch+json").body(Map.of("url", "https://127.0.0.1:1/x", "format", "xml"))
                .patch("/api/v1/webhooks/{id}", id).then().statusCode(422).body("errors.field", contains("format"));
        for (int i = 1; i < 20; i++) {
            subscribe(key, "/many-" + i);
        }
        as(key).contentType(ContentType.JSON).body(Map.of("url", receiver.url("/one-too-many"), "types", List.of("journey.gaps_opened")))
                .post("/api/v1/webhooks").then().statusCode(409).contentType(PROBLEM).body("detail", containsString("20"));
        as(key).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        as(key).get("/api/v1/webhooks/{id}", id).then().statusCode(404);
    }

    private static JsonNode awaitDelivery(String key, String subscription, String messageId, String status, int attempts)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode found = null;
        while (System.nanoTime() < deadline) {
            JsonNode page = Fixtures.JSON.readTree(as(key).get("/api/v1/webhooks/{id}/deliveries", subscription).then()
                    .statusCode(200).extract().asString());
            for (JsonNode item : page.path("items")) {
                if (item.path("id").asText().equals(messageId)) {
                    found = item;
                }
            }
            if (found != null && found.path("status").asText().equals(status) && found.path("attempts").asInt() == attempts) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + messageId + " is not " + status + " after " + attempts + " attempts: " + found);
    }

    private static List<String> ids(JsonNode gaps) {
        List<String> ids = new java.util.ArrayList<>();
        gaps.forEach(gap -> ids.add(gap.path("id").asText()));
        return ids;
    }
}
