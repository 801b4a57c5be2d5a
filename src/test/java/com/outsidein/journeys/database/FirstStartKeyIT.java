package com.outsidein.journeys.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar never runs open: without a bootstrap key, its first start on an empty database makes
 * an admin key, writes it to a user-only file beside the data, and logs the file's path, never the key.
 */
class FirstStartKeyIT {

    private static Path home;

    @BeforeAll
    static void createHome() throws Exception {
        home = Files.createTempDirectory("journeys-it-first-key-");
    }

    @AfterAll
    static void removeHome() throws Exception {
        PackagedAppProcess.deleteTree(home);
    }

    @Test
    void theFirstStartWritesAWorkingAdminKeyToAUserOnlyFileAndNeverLogsIt() throws Exception {
        Map<String, String> props = Map.of("journeys.embedded.data-dir", home.resolve("pgdata").toString());
        Path keyFile = home.resolve("admin-key");
        String key;
        try (PackagedAppProcess app = PackagedAppProcess.startWithoutBootstrapKey(props)) {
            assertTrue(Files.exists(keyFile), "the key file is beside the data directory");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            key = Files.readString(keyFile).strip();
            assertTrue(key.startsWith("pjk_"), key.substring(0, 4));

            assertEquals(401, app.send("GET", "/api/v1/journeys", null).statusCode(), "no key, no access");
            app.useKey(key);
            var team = app.send("GET", "/api/v1/teams/current", null);
            assertEquals(200, team.statusCode(), team.body());
            assertTrue(team.body().contains("\"teams:admin\""), "the first key holds every scope: " + team.body());

            String log = app.log();
            assertTrue(log.contains(keyFile.toString()), "the log names the file");
            assertFalse(log.contains(key.substring(21)), "the log never holds the key");
            app.stop();
        }
        // A second start finds a key and makes none.
        try (PackagedAppProcess app = PackagedAppProcess.startWithoutBootstrapKey(props)) {
            assertEquals(key, Files.readString(keyFile).strip());
            assertFalse(app.log().contains("made an admin key"), app.log());
            app.useKey(key);
            assertEquals(200, app.send("GET", "/api/v1/journeys", null).statusCode());
        }
    }
}
