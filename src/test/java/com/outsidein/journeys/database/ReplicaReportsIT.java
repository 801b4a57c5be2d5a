package com.outsidein.journeys.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Reports read a real streaming hot standby (JOURNEYS_REPORTS_JDBC_URL) while designs and ingest stay on
 * the primary. The test makes the standby itself from a primary it starts, with the low-level backup API
 * ({@code pg_backup_start}, a file copy, {@code pg_backup_stop}) and nothing but the embedded binaries,
 * then pauses the standby's replay to show the report answers from the standby, with the standby's
 * {@code dataThrough}, while the primary already holds newer events.
 */
class ReplicaReportsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONVERSION = "/api/v1/journeys/risk-software/reports/conversion"
            + "?from=2026-03-01&to=2026-04-01&window=P90D";
    /** What a backup leaves out of a data directory: the server's own runtime files and its WAL. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private static Path root;
    private static EmbeddedPostgres primary;
    private static EmbeddedPostgres standby;

    @BeforeAll
    static void primaryAndItsStandby() throws Exception {
        root = Files.createTempDirectory("journeys-replica-it");
        Path primaryDir = root.resolve("primary");
        Path standbyDir = root.resolve("standby");
        // WAL kept back long enough for the standby to stream from the backup's start.
        primary = EmbeddedPostgres.builder().setDataDirectory(primaryDir).setServerConfig("wal_keep_size", "512MB")
                .start();
        try (Connection c = primary.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_backup_start('journeys-replica-it', true)");
            copyDataDirectory(primaryDir, standbyDir);
            try (ResultSet rs = s.executeQuery("select labelfile from pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(standbyDir.resolve("backup_label"), rs.getString(1));
            }
        }
        Files.createFile(standbyDir.resolve("standby.signal"));
        // Where pg_basebackup -R writes it; a -c option would not survive the spaces in the value.
        Files.writeString(standbyDir.resolve("postgresql.auto.conf"),
                "primary_conninfo = 'host=localhost port=" + primary.getPort() + " user=postgres'\n",
                java.nio.file.StandardOpenOption.APPEND);
        // postgresql.conf is there, so no initdb: the copy starts as a standby streaming from the primary.
        Path standbyLog = root.resolve("standby.log");
        try {
            standby = EmbeddedPostgres.builder().setDataDirectory(standbyDir).setCleanDataDirectory(false)
                    .setServerConfig("hot_standby", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(standbyLog.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(standbyLog.toFile()))
                    .start();
        } catch (IOException notStarted) {
            // The server's own words are the only useful part of a failed start.
            throw new IOException("the standby did not start; its log:\n" + readIfThere(standbyLog), notStarted);
        }
        assertEquals("t", standbyQuery("select pg_is_in_recovery()"), "the copy runs as a standby");
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
        if (root != null) {
            try (Stream<Path> all = Files.walk(root)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void reportsReadTheStandbyAndSayHowFreshItIs() throws Exception {
        Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", primary.getJdbcUrl("postgres", "postgres"),
                "JOURNEYS_REPORTS_JDBC_URL", standby.getJdbcUrl("postgres", "postgres"));
        try (PackagedAppProcess app = PackagedAppProcess.start(Map.of(), env)) {
            assertEquals(201, app.send("PUT", "/api/v1/journeys/risk-software",
                    Files.readString(Path.of("examples", "risk-software-journey.json"))).statusCode());
            assertEquals(200, app.send("POST", "/api/v1/journeys/risk-software/events",
                    Files.readString(Path.of("examples", "risk-software-events.json"))).statusCode());

            // The README's numbers, once the standby has replayed the batch.
            JsonNode report = awaitDataThrough(app, "2026-03-19T21:00:00Z");
            assertEquals(List.of(4, 3, 2, 1), entered(report));
            assertEquals(List.of(3, 2, 1, 0), converted(report));

            // Replay stopped: the primary takes a new prospect, the report still answers from the standby.
            standbyQuery("select pg_wal_replay_pause()");
            awaitStandby("select pg_get_wal_replay_pause_state()", "paused");
            HttpResponse<String> ingest = app.send("POST", "/api/v1/journeys/risk-software/events", """
                    [{"id": "7e5a0000-0000-0000-0000-000000000001", "prospect": "crm-2001", "type": "STEP_ENTERED",
                      "step": "notices-risk", "occurredAt": "2026-03-20T10:00:00Z"},
                     {"id": "7e5a0000-0000-0000-0000-000000000002", "prospect": "crm-2001", "type": "STEP_ENTERED",
                      "step": "researches-risk", "occurredAt": "2026-03-21T10:00:00Z"}]""");
            assertEquals(200, ingest.statusCode(), ingest.body());
            JsonNode prospect = JSON.readTree(app.send("GET", "/api/v1/journeys/risk-software/prospects/crm-2001", null)
                    .body());
            assertEquals("researches-risk", prospect.path("currentStep").asText(), "the primary has the new events");
            JsonNode behind = conversion(app);
            assertEquals("2026-03-19T21:00:00Z", behind.path("dataThrough").asText(), "data as of the standby");
            assertEquals(List.of(4, 3, 2, 1), entered(behind));

            // Replay resumed: the standby catches up and the report with it.
            standbyQuery("select pg_wal_replay_resume()");
            JsonNode caughtUp = awaitDataThrough(app, "2026-03-21T10:00:00Z");
            assertEquals(5, caughtUp.at("/funnels/0/population").asInt());
            assertEquals(List.of(5, 4, 2, 1), entered(caughtUp));
            assertEquals(List.of(4, 2, 1, 0), converted(caughtUp));
        }
    }

    /** Copies what a base backup holds: everything but runtime files and WAL (the standby streams that). */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path relative = from.relativize(source);
                Path target = to.resolve(relative.toString());
                boolean walFile = relative.startsWith("pg_wal") && relative.getNameCount() > 1
                        && !relative.equals(Path.of("pg_wal", "archive_status"));
                if (NOT_COPIED.contains(relative.toString()) || walFile) {
                    continue;
                }
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        // initdb makes the directory private; PostgreSQL refuses to start on one that is not.
        to.toFile().setReadable(false, false);
        to.toFile().setReadable(true, true);
        to.toFile().setWritable(false, false);
        to.toFile().setWritable(true, true);
        to.toFile().setExecutable(false, false);
        to.toFile().setExecutable(true, true);
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }

    private static JsonNode awaitDataThrough(PackagedAppProcess app, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode report = conversion(app);
        while (!expected.equals(report.path("dataThrough").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            report = conversion(app);
        }
        assertEquals(expected, report.path("dataThrough").asText(), "the standby caught up: " + report);
        return report;
    }

    private static JsonNode conversion(PackagedAppProcess app) throws Exception {
        HttpResponse<String> answer = app.send("GET", CONVERSION, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private static List<Integer> entered(JsonNode report) {
        return perStep(report, "entered");
    }

    private static List<Integer> converted(JsonNode report) {
        return perStep(report, "converted");
    }

    /** A count of each step of the first funnel; the last step has no converted count, read as 0. */
    private static List<Integer> perStep(JsonNode report, String field) {
        List<Integer> counts = new java.util.ArrayList<>();
        report.at("/funnels/0/steps").forEach(step -> counts.add(step.path(field).asInt(0)));
        return counts;
    }

    private static void awaitStandby(String sql, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!expected.equals(standbyQuery(sql)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertTrue(expected.equals(standbyQuery(sql)), sql + " never answered " + expected);
    }

    private static String standbyQuery(String sql) throws SQLException {
        try (Connection c = standby.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
