package com.outsidein.journeys.security;

import static com.outsidein.journeys.TestKeys.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.EventFixtures;
import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every journey version and every ingest batch records the key that wrote it. */
@QuarkusTest
class TrailTest {

    @Inject
    DataSource dataSource;

    @Test
    void historyListsVersionsNewestFirstWithTheKeyAndTheKindOfChange() {
        String designer = TestKeys.create("Designer pipeline", "journeys:read", "journeys:write");
        String designerId = designer.substring(4, 20);
        String journey = Fixtures.uniqueKey("trail");
        long v1 = as(designer).contentType(ContentType.JSON).body(Fixtures.riskSoftware(journey))
                .put("/api/v1/journeys/{j}", journey).then().statusCode(201).extract().jsonPath().getLong("version");
        // An unchanged PUT makes no version.
        as(designer).contentType(ContentType.JSON).body(Fixtures.riskSoftware(journey)).put("/api/v1/journeys/{j}", journey)
                .then().statusCode(200);
        long v2 = given().contentType("application/merge-patch+json").body(Map.of("buyerGoal", "Get the board's yes"))
                .patch("/api/v1/journeys/{j}/steps/decides", journey).then().statusCode(200).extract().header("ETag")
                .replace("\"", "") .transform(Long::parseLong);
        long v3 = as(designer).contentType(ContentType.JSON)
                .body(Map.of("key", "pricing-chat", "name", "Chat", "channel", "LIVE_CHAT", "mode", "HUMAN", "owner", "Sales"))
                .post("/api/v1/journeys/{j}/steps/compares-vendors/touchpoints", journey).then().statusCode(201)
                .extract().header("ETag").replace("\"", "").transform(Long::parseLong);
        as(designer).delete("/api/v1/journeys/{j}/transitions/notices-risk/researches-risk", journey).then().statusCode(204);
        long v4 = latest(journey);

        var history = given().get("/api/v1/journeys/{j}/history", journey).then().statusCode(200);
        assertEquals(List.of(v4, v3, v2, v1), history.extract().jsonPath().getList("items.version", Long.class));
        history.body("journey", equalTo(journey))
                .body("items.change", equalTo(List.of("TRANSITION_DELETED", "TOUCHPOINT_ADDED", "STEP_PATCHED", "CREATED")))
                .body("items.subject", equalTo(java.util.Arrays.asList("notices-risk/researches-risk", "pricing-chat",
                        "decides", null)))
                .body("items.by.keyId", equalTo(List.of(designerId, designerId, "bootstrap", designerId)))
                .body("items.by.keyName", equalTo(List.of("Designer pipeline", "Designer pipeline",
                        "JOURNEYS_BOOTSTRAP_KEY", "Designer pipeline")))
                .body("items[0].at", notNullValue())
                .body("nextCursor", nullValue());

        String cursor = given().get("/api/v1/journeys/{j}/history?limit=3", journey).then().body("items", hasSize(3))
                .extract().path("nextCursor");
        assertEquals(List.of(v1), given().get("/api/v1/journeys/{j}/history?limit=3&cursor={c}", journey, cursor).then()
                .body("nextCursor", nullValue()).extract().jsonPath().getList("items.version", Long.class));
        given().get("/api/v1/journeys/{j}/history?cursor=abc", journey).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void deletingAJourneyDeletesItsHistoryAndARecreatedKeyStartsAfresh() {
        String journey = Fixtures.uniqueKey("reborn");
        Fixtures.putJourney(journey, Fixtures.riskSoftware(journey)).statusCode(201);
        given().contentType("application/merge-patch+json").body(Map.of("name", "Second")).patch("/api/v1/journeys/{j}", journey)
                .then().statusCode(200);
        given().delete("/api/v1/journeys/{j}", journey).then().statusCode(204);
        Fixtures.putJourney(journey, Fixtures.riskSoftware(journey)).statusCode(201);
        given().get("/api/v1/journeys/{j}/history", journey).then().statusCode(200)
                .body("items.change", equalTo(List.of("CREATED")));
    }

    @Test
    void everyIngestBatchRecordsItsKey() throws Exception {
        String crm = TestKeys.create("CRM connector", "events:write");
        String journey = EventFixtures.createFunnelJourney("trail-events");
        var first = List.of(EventFixtures.entered("p1", "a", 0), EventFixtures.entered("p2", "a", 1));
        as(crm).contentType(ContentType.JSON).body(first).post("/api/v1/journeys/{j}/events", journey).then().statusCode(200)
                .body("accepted", equalTo(2));
        as(crm).contentType(ContentType.JSON).body(first).post("/api/v1/journeys/{j}/events", journey).then().statusCode(200)
                .body("duplicates", equalTo(2));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select b.key_id, b.key_name, b.accepted, b.duplicates from ingest_batch b join journey j on j.id = b.journey_id "
                        + "where j.key = ? order by b.id")) {
            s.setString(1, journey);
            try (ResultSet rs = s.executeQuery()) {
                for (int[] expected : new int[][] { { 2, 0 }, { 0, 2 } }) {
                    rs.next();
                    assertEquals(crm.substring(4, 20), rs.getString(1));
                    assertEquals("CRM connector", rs.getString(2));
                    assertEquals(expected[0], rs.getInt(3));
                    assertEquals(expected[1], rs.getInt(4));
                }
                assertEquals(false, rs.next());
            }
        }
    }

    private static long latest(String journey) {
        return given().get("/api/v1/journeys/{j}", journey).then().extract().jsonPath().getLong("version");
    }
}
