package com.outsidein.journeys.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.database.PackagedAppProcess;
import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.MessageBuilder;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;

/**
 * Segment's own Java library (com.segment.analytics.java:analytics), configured only with the service's
 * endpoint and a write key, delivers identify, track and page calls to the packaged jar; the reports then
 * show the hand-worked story, and the same messages sent again change nothing.
 */
class SegmentLibraryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Date at(String time) {
        return Date.from(Instant.parse(time));
    }

    /** The white-paper story: Dana reads, downloads and asks to be contacted; the mail goes out; nobody calls. */
    private static List<Supplier<MessageBuilder<?, ?>>> story() {
        List<Supplier<MessageBuilder<?, ?>>> calls = new ArrayList<>();
        calls.add(() -> IdentifyMessage.builder().userId("dana").messageId("lib-0")
                .traits(Map.of("name", "Dana Reyes", "role", "risk-officer")).timestamp(at("2026-03-01T09:00:00Z")));
        calls.add(() -> PageMessage.builder("Operational Risk Article").userId("dana").messageId("lib-1")
                .timestamp(at("2026-03-02T09:00:00Z")));
        calls.add(() -> PageMessage.builder("Risk White Paper").userId("dana").messageId("lib-2")
                .timestamp(at("2026-03-02T10:00:00Z")));
        calls.add(() -> TrackMessage.builder("Whitepaper Requested").userId("dana").messageId("lib-3")
                .properties(Map.of("contact_me", true)).timestamp(at("2026-03-02T10:01:00Z")));
        calls.add(() -> TrackMessage.builder("Email Delivered").userId("dana").messageId("lib-4")
                .properties(Map.of("campaign", "risk-white-paper")).timestamp(at("2026-03-02T10:03:00Z")));
        calls.add(() -> TrackMessage.builder("Video Played").userId("dana").messageId("lib-5")
                .timestamp(at("2026-03-02T10:04:00Z")));
        calls.add(() -> PageMessage.builder("Operational Risk Article").anonymousId("anon-7").messageId("lib-6")
                .timestamp(at("2026-03-02T11:00:00Z")));
        return calls;
    }

    /** Sends the messages with a new client, as a CDP would, and waits until the library reports each one. */
    private static void deliver(String baseUrl, String writeKey, List<Supplier<MessageBuilder<?, ?>>> calls) throws Exception {
        CountDownLatch done = new CountDownLatch(calls.size());
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Analytics analytics = Analytics.builder(writeKey).endpoint(baseUrl + "/api/v1/sources/segment")
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        done.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable error) {
                        failed.incrementAndGet();
                        failures.add(String.valueOf(error));
                        done.countDown();
                    }
                }).build();
        try {
            calls.forEach(call -> analytics.enqueue(call.get()));
            analytics.flush();
            assertTrue(done.await(60, TimeUnit.SECONDS), "the library reported every message");
            assertEquals(0, failed.get(), "the library reported failures: " + failures);
        } finally {
            analytics.shutdown();
        }
    }

    @Test
    void segmentsJavaLibraryDeliversTheStoryAndItsResendsAreDuplicates() throws Exception {
        Path dataDir = Files.createTempDirectory("journeys-segment-it-");
        try (PackagedAppProcess app = PackagedAppProcess.start(Map.of("journeys.embedded.data-dir", dataDir.toString()), Map.of())) {
            assertEquals(201, app.send("PUT", "/api/v1/journeys/risk-software",
                    Files.readString(Path.of("examples", "risk-software-journey.json"))).statusCode());
            String writeKey = JSON.readTree(app.send("POST", "/api/v1/keys",
                    "{\"name\": \"segment destination\", \"scopes\": [\"events:write\"]}").body()).path("secret").asText();

            deliver(app.baseUrl(), writeKey, story());
            String conversion = "/api/v1/journeys/risk-software/reports/conversion?from=2026-03-01&to=2026-04-01";
            String responses = "/api/v1/journeys/risk-software/reports/responses?from=2026-03-01&to=2026-04-01&asOf=2026-04-01T00:00:00Z";
            JsonNode funnel = JSON.readTree(app.send("GET", conversion, null).body()).path("funnels").path(0);
            // Dana and anon-7 read the article (step 1); only Dana went on to the white paper.
            assertEquals(2, funnel.path("population").asInt());
            assertEquals(List.of(2, 1, 0, 0), ints(funnel.path("steps"), "entered"));
            assertEquals(1, funnel.path("steps").path(0).path("converted").asInt());
            JsonNode actions = JSON.readTree(app.send("GET", responses, null).body()).path("actions");
            // The white paper went out 2 minutes after the request (SLA 10 minutes); nobody called Dana back.
            assertEquals(List.of(1, 1, 0, 0), counts(action(actions, "requests-white-paper")));
            assertEquals(List.of(1, 0, 0, 1), counts(action(actions, "asks-to-be-contacted")));
            JsonNode dana = JSON.readTree(app.send("GET", "/api/v1/journeys/risk-software/prospects/dana", null).body());
            assertEquals(Map.of("name", "Dana Reyes", "role", "risk-officer"), JSON.convertValue(dana.path("attributes"), Map.class));
            assertEquals(5, dana.path("timeline").size());
            String conversionBefore = app.send("GET", conversion, null).body().replaceAll("\"dataThrough\":\"[^\"]*\"", "");

            // The same messages again (a CDP's retry after a lost answer): every event is a duplicate.
            deliver(app.baseUrl(), writeKey, story());
            assertEquals(conversionBefore, app.send("GET", conversion, null).body().replaceAll("\"dataThrough\":\"[^\"]*\"", ""));
            assertEquals(5, JSON.readTree(app.send("GET", "/api/v1/journeys/risk-software/prospects/dana", null).body())
                    .path("timeline").size());
            assertEquals(List.of(1, 1, 0, 0), counts(action(JSON.readTree(app.send("GET", responses, null).body())
                    .path("actions"), "requests-white-paper")));
        } finally {
            PackagedAppProcess.deleteTree(dataDir);
        }
    }

    private static JsonNode action(JsonNode actions, String key) {
        for (JsonNode action : actions) {
            if (action.path("action").asText().equals(key)) {
                return action;
            }
        }
        throw new AssertionError("no action " + key + " in " + actions);
    }

    /** performed, answeredInSla, answeredLate, unanswered. */
    private static List<Integer> counts(JsonNode action) {
        return List.of(action.path("performed").asInt(), action.path("answeredInSla").asInt(), action.path("answeredLate").asInt(),
                action.path("unanswered").asInt());
    }

    private static List<Integer> ints(JsonNode array, String field) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asInt()));
        return values;
    }
}
