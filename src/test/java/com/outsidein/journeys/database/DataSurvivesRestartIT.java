package com.outsidein.journeys.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The default run keeps a user's data: across a normal restart, after the JVM is killed (leaving its
 * PostgreSQL behind), and after both are killed (WAL recovery). Runs the packaged jar, not a test app.
 */
class DataSurvivesRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dataDir;

    @BeforeAll
    static void createDataDir() throws Exception {
        dataDir = Files.createTempDirectory("journeys-it-data-");
    }

    @AfterAll
    static void removeDataDir() throws Exception {
        PackagedAppProcess.deleteTree(dataDir);
    }

    @Test
    void committedJourneysSurviveRestartsAndCrashes() throws Exception {
        Map<String, String> props = Map.of("journeys.embedded.data-dir", dataDir.toString());
        String first = example("survivor-one");
        String second = example("survivor-two");

        try (PackagedAppProcess app = PackagedAppProcess.start(props, Map.of())) {
            assertEquals(201, app.send("PUT", "/api/v1/journeys/survivor-one", first).statusCode());
            assertDurable();
            app.stop();
        }
        assertFalse(postmasterAlive(), "a normal stop also stops the embedded PostgreSQL");

        try (PackagedAppProcess app = PackagedAppProcess.start(props, Map.of())) {
            assertStored(app, "survivor-one");
            assertEquals(201, app.send("PUT", "/api/v1/journeys/survivor-two", second).statusCode());
            app.kill();
        }
        assertTrue(postmasterAlive(), "SIGKILL leaves the embedded PostgreSQL running; the next start must cope");

        try (PackagedAppProcess app = PackagedAppProcess.start(props, Map.of())) {
            assertTrue(app.log().contains("orphaned PostgreSQL"), "the orphan is stopped, not fought over");
            assertStored(app, "survivor-one");
            assertStored(app, "survivor-two");

            ProcessHandle.of(postmasterPid()).orElseThrow().destroyForcibly();
            Thread.sleep(500);
            HttpResponse<String> down = app.send("GET", "/api/v1/journeys/survivor-one", null);
            assertEquals(503, down.statusCode(), down.body());
            assertEquals("application/problem+json", down.headers().firstValue("Content-Type").orElse(""));
            assertTrue(down.headers().firstValue("Retry-After").isPresent());
            assertEquals(200, app.send("GET", "/q/health/ready", null).statusCode(),
                    "the replica stays ready and answers 503 itself, so clients get Retry-After, not refused connections");
            assertEquals(503, app.send("GET", "/q/health/group/database", null).statusCode());
            app.kill();
        }

        Map<String, String> smallCache = new HashMap<>(props);
        smallCache.put("journeys.embedded.shared-buffers", "256MB");
        smallCache.put("journeys.embedded.max-wal-size", "1GB");
        try (PackagedAppProcess app = PackagedAppProcess.start(smallCache, Map.of())) {
            assertStored(app, "survivor-one");
            assertStored(app, "survivor-two");
            assertEquals(256L * 1024 * 1024, sharedBufferBytes(), "JOURNEYS_EMBEDDED_SHARED_BUFFERS overrides the default");
            assertEquals("1024", setting("max_wal_size"), "JOURNEYS_EMBEDDED_MAX_WAL_SIZE overrides the default (in MB)");
        }
    }

    private static String example(String key) throws Exception {
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                Files.readString(Path.of("examples", "risk-software-journey.json")));
        doc.put("key", key);
        return JSON.writeValueAsString(doc);
    }

    private static void assertStored(PackagedAppProcess app, String key) throws Exception {
        HttpResponse<String> response = app.send("GET", "/api/v1/journeys/" + key, null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode doc = JSON.readTree(response.body());
        assertEquals(key, doc.get("key").asText());
        assertEquals(List.of("notices-risk", "researches-risk", "compares-vendors", "decides"), stepKeys(doc));
        assertEquals(3, doc.get("transitions").size());
    }

    private static List<String> stepKeys(JsonNode doc) {
        List<String> keys = new java.util.ArrayList<>();
        doc.get("steps").forEach(step -> keys.add(step.get("key").asText()));
        return keys;
    }

    /** fsync and synchronous_commit are on in the default run, unlike in tests, and the cache is sized for ingest. */
    private static void assertDurable() throws Exception {
        try (Connection connection = connectToServer()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = connection.createStatement().executeQuery("show " + setting)) {
                    assertTrue(rs.next());
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
        assertEquals("16384", setting("max_wal_size"), "checkpoints are spaced for ingest into a large journey (in MB)");
        assertEquals("off", setting("wal_compression"), "pglz costs ingest more CPU than the WAL bytes it saves");
        String quarter = EmbeddedPostgres.quarterOfMemory();
        assertEquals(Long.parseLong(quarter.substring(0, quarter.length() - 2)) * 1024 * 1024, sharedBufferBytes(),
                "shared_buffers defaults to a quarter of the memory");
    }

    private static String setting(String name) throws Exception {
        try (Connection connection = connectToServer(); PreparedStatement select = connection.prepareStatement(
                "select setting from pg_settings where name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), name);
                return rs.getString(1);
            }
        }
    }

    /** shared_buffers is counted in 8 kB pages. */
    private static long sharedBufferBytes() throws Exception {
        return Long.parseLong(setting("shared_buffers")) * 8192;
    }

    /** The embedded server of the running app, found through its pid file. */
    private static Connection connectToServer() throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres", "postgres", "");
    }

    private static long postmasterPid() throws Exception {
        Path pidFile = dataDir.resolve("postmaster.pid");
        assertNotNull(pidFile);
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    private static boolean postmasterAlive() throws Exception {
        return Files.exists(dataDir.resolve("postmaster.pid"))
                && ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive).orElse(false);
    }
}
