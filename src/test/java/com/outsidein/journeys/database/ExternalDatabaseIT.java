package com.outsidein.journeys.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * With QUARKUS_DATASOURCE_JDBC_URL set, the packaged jar uses that database and starts no embedded
 * server at all. CI passes the URL of the machine's PostgreSQL in {@code journeys.it.external-jdbc-url}.
 */
@EnabledIfSystemProperty(named = "journeys.it.external-jdbc-url", matches = "jdbc:postgresql:.+")
class ExternalDatabaseIT {

    @Test
    void anExternalDatabaseIsUsedAndNoEmbeddedServerStarts() throws Exception {
        String url = System.getProperty("journeys.it.external-jdbc-url");
        String key = "external-" + System.currentTimeMillis();
        Map<String, String> env = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", System.getProperty("journeys.it.external-username", "postgres"),
                "QUARKUS_DATASOURCE_PASSWORD", System.getProperty("journeys.it.external-password", ""));
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
