package com.outsidein.journeys.security;

import static com.outsidein.journeys.TestKeys.anonymous;
import static com.outsidein.journeys.TestKeys.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestClock;
import com.outsidein.journeys.TestKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Keys: made once with their secret, stored only as a digest, refused when malformed, unknown, expired or revoked. */
@QuarkusTest
class ApiKeysTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Test
    void aNewKeyIsShownOnceWithItsSecretAndWorksWithItsScopesOnly() {
        ValidatableResponse created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "CRM sync", "scopes", List.of("events:write", "journeys:read")))
                .post("/api/v1/keys").then().statusCode(201)
                .header("Location", containsString("/api/v1/keys/"))
                .body("secret", matchesPattern("^pjk_[a-z0-9]{16}_[A-Za-z0-9]{40}$"))
                .body("name", equalTo("CRM sync"))
                .body("scopes", equalTo(List.of("journeys:read", "events:write")))
                .body("createdBy", equalTo("bootstrap"));
        String id = created.extract().path("id");
        String secret = created.extract().path("secret");
        assertTrue(secret.startsWith("pjk_" + id + "_"), "the id is the public part of the key");

        as(secret).get("/api/v1/journeys").then().statusCode(200);
        as(secret).get("/api/v1/teams/current").then().statusCode(200)
                .body("key", equalTo("default")).body("callerKey.id", equalTo(id))
                .body("callerKey.scopes", equalTo(List.of("journeys:read", "events:write")));
        as(secret).contentType(ContentType.JSON).body(Map.of("name", "x")).put("/api/v1/journeys/{j}", Fixtures.uniqueKey("k"))
                .then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("'journeys:write'"));

        given().get("/api/v1/keys/{id}", id).then().statusCode(200).body("id", equalTo(id))
                .body("secret", nullValue()).body("lastUsedAt", notNullValue());
        String listing = given().get("/api/v1/keys?limit=500").then().statusCode(200)
                .body("items.id", hasItem(id)).extract().asString();
        assertFalse(listing.contains(secret.substring(secret.lastIndexOf('_') + 1)), "a listing never shows a secret");
        assertFalse(listing.toLowerCase().contains("sha256"), "nor a digest");
    }

    @Test
    void aKeyCanOnlyGiveScopesItHoldsAndOnlyKnownOnes() {
        String keysOnly = TestKeys.create("key maker", "keys:admin", "reports:read");
        as(keysOnly).contentType(ContentType.JSON).body(Map.of("name", "wider", "scopes", List.of("reports:read", "journeys:write")))
                .post("/api/v1/keys").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("journeys:write"));
        as(keysOnly).contentType(ContentType.JSON).body(Map.of("name", "narrower", "scopes", List.of("reports:read")))
                .post("/api/v1/keys").then().statusCode(201).body("createdBy", not(equalTo("bootstrap")));

        given().contentType(ContentType.JSON).body(Map.of("name", "bad", "scopes", List.of("journeys:delete")))
                .post("/api/v1/keys").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("scopes[0]")).body("errors[0].message", containsString("unknown scope"));
        given().contentType(ContentType.JSON).body(Map.of("name", "none", "scopes", List.of()))
                .post("/api/v1/keys").then().statusCode(422).body("errors[0].field", equalTo("scopes"));
        given().contentType(ContentType.JSON).body(Map.of("name", "past", "scopes", List.of("reports:read"),
                "expiresAt", "2020-01-01T00:00:00Z")).post("/api/v1/keys").then().statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "scopes", List.of("reports:read"), "secret", "mine"))
                .post("/api/v1/keys").then().statusCode(400).body("errors[0].field", equalTo("secret"));
    }

    @Test
    void everyKindOfBadCredentialIsA401ProblemWithABearerChallenge() {
        String valid = TestKeys.create("to spoil", "journeys:read");
        String id = valid.substring(4, 20);
        List<String> headers = List.of(
                "Bearer not-a-key",
                "Bearer pjk_" + "a".repeat(16) + "_" + "B".repeat(40),
                "Bearer pjk_" + id + "_" + "C".repeat(40),
                "Basic dXNlcjpwYXNz",
                "Bearer ");
        for (String header : headers) {
            given().header("Authorization", header).get("/api/v1/journeys").then()
                    .statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("status", equalTo(401)).body("type", containsString("invalid-key"));
        }
        anonymous().get("/api/v1/journeys").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"purchase-journeys\""))
                .body("type", containsString("unauthorized"));
    }

    @Test
    void aRevokedKeyFailsAtOnceHereAndWithinTheCacheTimeOnOtherReplicas() throws Exception {
        String here = TestKeys.create("revoked here", "journeys:read");
        as(here).get("/api/v1/journeys").then().statusCode(200);
        given().delete("/api/v1/keys/{id}", here.substring(4, 20)).then().statusCode(204);
        as(here).get("/api/v1/journeys").then().statusCode(401);
        given().get("/api/v1/keys/{id}", here.substring(4, 20)).then().body("revokedAt", notNullValue());
        given().delete("/api/v1/keys/{id}", here.substring(4, 20)).then().statusCode(204);

        // Another replica revokes it: this one only sees the row change, after its cache time (1 s in tests).
        String elsewhere = TestKeys.create("revoked elsewhere", "journeys:read");
        as(elsewhere).get("/api/v1/journeys").then().statusCode(200);
        update("update api_key set revoked_at = now() where id = '" + elsewhere.substring(4, 20) + "'");
        Thread.sleep(1_500);
        as(elsewhere).get("/api/v1/journeys").then().statusCode(401);
    }

    @Test
    void anExpiredKeyFails() throws Exception {
        String key = TestKeys.create("short lived", "journeys:read");
        as(key).get("/api/v1/journeys").then().statusCode(200);
        update("update api_key set expires_at = '" + TestClock.current().minusSeconds(1) + "' where id = '"
                + key.substring(4, 20) + "'");
        Thread.sleep(1_500);
        as(key).get("/api/v1/journeys").then().statusCode(401).header("WWW-Authenticate", containsString("invalid_token"));

        String later = given().contentType(ContentType.JSON).body(Map.of("name", "expiring", "scopes", List.of("reports:read"),
                "expiresAt", TestClock.current().plus(java.time.Duration.ofDays(30)).toString())).post("/api/v1/keys").then().statusCode(201)
                .body("expiresAt", notNullValue()).extract().path("secret");
        as(later).get("/api/v1/teams/current").then().statusCode(200);
    }

    @Test
    void anotherTeamsKeyIsNotFoundAndItsKeysAreNotListed() {
        String team = Fixtures.uniqueKey("keyteam");
        String admin = TestKeys.newTeam(team);
        String mine = TestKeys.create("default team's", "reports:read");
        String mineId = mine.substring(4, 20);
        as(admin).get("/api/v1/keys/{id}", mineId).then().statusCode(404).contentType(PROBLEM);
        as(admin).delete("/api/v1/keys/{id}", mineId).then().statusCode(404);
        as(mine).get("/api/v1/teams/current").then().statusCode(200);
        as(admin).get("/api/v1/keys").then().statusCode(200).body("items.id", not(hasItem(mineId)))
                .body("items.name", everyItem(equalTo(team + " admin")));
    }

    @Test
    void noSecretReachesAStoredRowTheLogOrALaterAnswer() throws Exception {
        String secret = TestKeys.create("needle", "journeys:read", "journeys:write", "events:write", "reports:read");
        String id = secret.substring(4, 20);
        String journey = Fixtures.uniqueKey("needle");
        as(secret).contentType(ContentType.JSON).body(Fixtures.riskSoftware(journey)).put("/api/v1/journeys/{j}", journey)
                .then().statusCode(201);
        as(secret).get("/api/v1/journeys/{j}/history", journey).then().statusCode(200).body("items[0].by.keyId", equalTo(id));
        // A failed attempt with this id is logged by id: the log is read, and does not hold the secret.
        given().header("Authorization", "Bearer pjk_" + id + "_" + "Z".repeat(40)).get("/api/v1/journeys").then().statusCode(401);

        String secretPart = secret.substring(21);
        List<String> answers = List.of(
                given().get("/api/v1/keys?limit=500").asString(),
                given().get("/api/v1/keys/{id}", id).asString(),
                as(secret).get("/api/v1/teams/current").asString(),
                as(secret).get("/api/v1/journeys/{j}/history", journey).asString(),
                as(secret).get("/api/v1/journeys/{j}", journey).asString());
        answers.forEach(answer -> assertFalse(answer.contains(secretPart), answer));

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(tables.contains("api_key"), tables.toString());
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\" t where t::text like '%"
                        + secretPart + "%' or t::text like '%" + secret + "%'")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "the secret is stored in " + table);
                }
            }
        }
        String log = Files.readString(Path.of("target", "quarkus.log"));
        assertTrue(log.contains("key id " + id), "the failed attempt is logged, by key id");
        assertFalse(log.contains(secretPart), "the log holds a secret");
    }

    private void update(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(sql));
        }
    }
}
