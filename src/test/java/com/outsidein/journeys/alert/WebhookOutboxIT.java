package com.outsidein.journeys.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.database.PackagedAppProcess;
import com.standardwebhooks.Webhook;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The outbox as replicas run it: packaged jars on one PostgreSQL. A jar killed with SIGKILL while messages are
 * pending and in flight delivers every one after a restart, none with a new id; two jars at once never send
 * one attempt twice. Every message is verified by the Standard Webhooks reference library.
 */
class WebhookOutboxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dataDir;
    private static EmbeddedPostgres database;
    private static Map<String, String> env;

    @BeforeAll
    static void startDatabase() throws Exception {
        dataDir = Files.createTempDirectory("journeys-outbox-it-");
        database = EmbeddedPostgres.builder().setDataDirectory(dataDir).start();
        env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.getJdbcUrl("postgres", "postgres"),
                "JOURNEYS_WEBHOOKS_ALLOW_PRIVATE", "true",
                "JOURNEYS_WEBHOOKS_ENCRYPTION_KEY", "aXQtb25seS13ZWJob29rLWtleS1ub3Qtc2VjcmV0ISE=",
                "JOURNEYS_WEBHOOKS_TIMEOUT", "PT2S",
                "JOURNEYS_WEBHOOKS_POLL_INTERVAL", "PT1S",
                "JOURNEYS_WEBHOOKS_RETRY_SCHEDULE", "PT1S,PT1S,PT1S,PT1S");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
        PackagedAppProcess.deleteTree(dataDir);
    }

    private static JsonNode subscribe(PackagedAppProcess app, WebhookReceiver receiver, String path) throws Exception {
        var response = app.send("POST", "/api/v1/webhooks", "{\"url\": \"" + receiver.url(path)
                + "\", \"types\": [\"journey.gaps_opened\"]}");
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static List<String> queueTests(PackagedAppProcess app, String subscription, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var response = app.send("POST", "/api/v1/webhooks/" + subscription + "/test", null);
            assertEquals(202, response.statusCode(), response.body());
            ids.add(JSON.readTree(response.body()).path("id").asText());
        }
        return ids;
    }

    @Test
    void aJarKilledMidDeliveryDeliversEveryMessageAfterARestartWithTheSameIds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.delay("/slow", Duration.ofMillis(700));
            String subscription;
            String secret;
            List<String> ids;
            PackagedAppProcess app = PackagedAppProcess.start(Map.of(), env);
            try {
                JsonNode created = subscribe(app, receiver, "/slow");
                subscription = created.path("id").asText();
                secret = created.path("secret").asText();
                ids = queueTests(app, subscription, 30);
                receiver.await("/slow", 1); // at least one attempt in flight, most still pending
            } finally {
                app.kill();
            }
            int beforeRestart = receiver.at("/slow").size();
            assertTrue(beforeRestart < 30, "the kill came while messages were still pending: " + beforeRestart + " sent");
            try (PackagedAppProcess restarted = PackagedAppProcess.start(Map.of(), env)) {
                awaitAllDelivered(restarted, subscription, 30, Duration.ofSeconds(60));
                Set<String> received = receiver.at("/slow").stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
                assertEquals(new HashSet<>(ids), received, "every message arrived, and no id the service did not queue");
                for (WebhookReceiver.Received message : receiver.at("/slow")) {
                    new Webhook(secret).verify(message.body(), message.headers());
                }
            }
        }
    }

    @Test
    void twoJarsOnOneDatabaseNeverSendTheSameAttempt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                PackagedAppProcess first = PackagedAppProcess.start(Map.of(), env);
                PackagedAppProcess second = PackagedAppProcess.start(Map.of(), env)) {
            JsonNode created = subscribe(first, receiver, "/replicas");
            String subscription = created.path("id").asText();
            List<String> ids = new ArrayList<>(queueTests(first, subscription, 100));
            ids.addAll(queueTests(second, subscription, 100));
            awaitAllDelivered(second, subscription, 200, Duration.ofSeconds(60));
            List<String> received = receiver.at("/replicas").stream().map(r -> r.header("webhook-id")).toList();
            assertEquals(200, received.size(), "each message sent once: every attempt succeeded, so none may repeat");
            assertEquals(new HashSet<>(ids), new HashSet<>(received));
            for (WebhookReceiver.Received message : receiver.at("/replicas")) {
                new Webhook(created.path("secret").asText()).verify(message.body(), message.headers());
            }
        }
    }

    private static void awaitAllDelivered(PackagedAppProcess app, String subscription, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long delivered = 0;
        while (System.nanoTime() < deadline) {
            JsonNode page = JSON.readTree(app.send("GET", "/api/v1/webhooks/" + subscription + "/deliveries?limit=500", null).body());
            delivered = 0;
            for (JsonNode item : page.path("items")) {
                delivered += item.path("status").asText().equals("DELIVERED") ? 1 : 0;
            }
            if (delivered == count) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(delivered + " of " + count + " messages delivered");
    }
}
