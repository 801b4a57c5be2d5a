package com.outsidein.journeys.journey.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every version's document as GET answered it, and what changed between two versions. */
@QuarkusTest
class HistoryDocumentsTest {

    private static long version(String key) {
        return Long.parseLong(given().get("/api/v1/journeys/{j}", key).then().extract().header("ETag").replace("\"", ""));
    }

    @Test
    void aPastVersionIsTheDocumentAsGetAnsweredItAndADiffListsEachChangedField() {
        String key = Fixtures.createRiskSoftware("history");
        long first = version(key);
        String firstDocument = given().get("/api/v1/journeys/{j}", key).then().extract().asString();

        given().contentType("application/merge-patch+json").body(Map.of("responseSla", "PT2H", "requiresHuman", false))
                .patch("/api/v1/journeys/{j}/steps/researches-risk/actions/asks-to-be-contacted", key).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("key", "pricing-chat", "name", "Chat", "channel", "LIVE_CHAT",
                "mode", "HUMAN", "owner", "Inside sales")).post("/api/v1/journeys/{j}/steps/compares-vendors/touchpoints", key)
                .then().statusCode(201);
        given().contentType("application/merge-patch+json").body(Map.of("name", "Buying risk software"))
                .patch("/api/v1/journeys/{j}", key).then().statusCode(200);
        long last = version(key);

        assertEquals(firstDocument, given().get("/api/v1/journeys/{j}/history/{v}", key, first).then().statusCode(200)
                .extract().asString());
        given().get("/api/v1/journeys/{j}/history/{v}/diff?to={t}", key, first, last).then().statusCode(200)
                .body("from", equalTo((int) first)).body("to", equalTo((int) last))
                .body("changes.element", contains("journey", "touchpoint", "action"))
                .body("changes.key", contains(key, "pricing-chat", "asks-to-be-contacted"))
                .body("changes.change", contains("CHANGED", "ADDED", "CHANGED"))
                .body("changes[0].fields.field", contains("name"))
                .body("changes[0].fields[0].after", equalTo("Buying risk software"))
                .body("changes[1].fields", nullValue())
                .body("changes[2].fields.field", contains("responseSla", "requiresHuman"))
                .body("changes[2].fields.before", contains("P1D", true))
                .body("changes[2].fields.after", contains("PT2H", false));
        // Without 'to', against the current version; the other way round, additions are removals.
        given().get("/api/v1/journeys/{j}/history/{v}/diff", key, first).then().statusCode(200)
                .body("to", equalTo((int) last));
        given().get("/api/v1/journeys/{j}/history/{v}/diff?to={t}", key, last, first).then().statusCode(200)
                .body("changes.change", contains("CHANGED", "REMOVED", "CHANGED"));
        given().get("/api/v1/journeys/{j}/history/{v}/diff?to={t}", key, last, last).then().statusCode(200)
                .body("changes", hasSize(0));
    }

    @Test
    void missingVersionsAndOtherTeamsAnswer404AndADeletedJourneyTakesItsHistory() {
        String key = Fixtures.createRiskSoftware("history-gone");
        long first = version(key);
        given().get("/api/v1/journeys/{j}/history/{v}", key, first + 1_000_000).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/journeys/{j}/history/{v}/diff?to={t}", key, first, first + 1_000_000).then().statusCode(404);
        given().get("/api/v1/journeys/{j}/history/first", key).then().statusCode(400);
        String other = TestKeys.newTeam(Fixtures.uniqueKey("history-other"));
        TestKeys.as(other).get("/api/v1/journeys/{j}/history/{v}", key, first).then().statusCode(404);

        given().delete("/api/v1/journeys/{j}", key).then().statusCode(204);
        given().get("/api/v1/journeys/{j}/history/{v}", key, first).then().statusCode(404);
        Fixtures.putJourney(key, Fixtures.riskSoftware(key)).statusCode(201);
        given().get("/api/v1/journeys/{j}/history", key).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].change", equalTo("CREATED"));
        given().get("/api/v1/journeys/{j}/history/{v}", key, first).then().statusCode(404);
    }
}
