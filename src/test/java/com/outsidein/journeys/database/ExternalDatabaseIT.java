package com.outsidein.journeys.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With QUARKUS_DATASOURCE_JDBC_URL set, the packaged jar uses that database and starts no embedded
 * server at all. The database is a second PostgreSQL this test starts itself, so {@code mvn verify}
 * always runs it; CI may point it at the machine's server instead with {@code it.external-jdbc-url}.
 */
class ExternalDatabaseIT {

    private static EmbeddedPostgres ownServer;
    private static String url;

    @BeforeAll
    static void database() throws Exception {
        url = System.getProperty("it.external-jdbc-url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            ownServer = EmbeddedPostgres.builder().start();
            url = ownServer.getJdbcUrl("postgres", "postgres");
        }
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (ownServer != null) {
            ownServer.close();
        }
    }

    @Test
    void anExternalDatabaseIsUsedAndNoEmbeddedServerStarts() throws Exception {
        String key = "external-" + System.currentTimeMillis();
        Map<String, String> env = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", System.getProperty("it.external-username", "postgres"),
                "QUARKUS_DATASOURCE_PASSWORD", System.getProperty("it.external-password", ""));
        try (PackagedAppProcess app = PackagedAppProcess.start(Map.of(), env)) {
            assertTrue(app.handle().descendants().noneMatch(p -> p.info().command().orElse("").contains("postgres")),
                    "no PostgreSQL process may run under the application");
            String log = app.log();
            assertFalse(log.contains("Embedded PostgreSQL"), log);
            assertTrue(log.contains(url.replaceFirst("\\?.*", "")), "Flyway names the external database");

            String doc = Files.readString(Path.of("examples", "risk-software-journey.json"))
                    .replace("\"key\": \"risk-software\"", "\"key\": \"" + key + "\"");
            assertEquals(201, app.send("PUT", "/api/v1/journeys/" + key, doc).statusCode());
            var fetched = app.send("GET", "/api/v1/journeys/" + key, null);
            assertEquals(200, fetched.statusCode());
            assertTrue(fetched.body().contains("\"asks-to-be-contacted\""));
            assertEquals(204, app.send("DELETE", "/api/v1/journeys/" + key, null).statusCode());
        }
    }
}
