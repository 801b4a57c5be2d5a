package com.outsidein.journeys.format;

import static com.outsidein.journeys.EventFixtures.entered;
import static com.outsidein.journeys.EventFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Text that PostgreSQL or the map's XML cannot hold is refused with the field named, and stores nothing. */
@QuarkusTest
class UnstorableInputTest {

    private static final String PROBLEM = "application/problem+json";

    private static Map<String, Object> step(String key, String name, String buyerGoal) {
        Map<String, Object> step = new LinkedHashMap<>(Map.of("key", key, "name", name));
        if (buyerGoal != null) {
            step.put("buyerGoal", buyerGoal);
        }
        return step;
    }

    @Test
    void controlCharactersInBodiesAreRefusedNamingTheField() {
        String key = Fixtures.uniqueKey("nul");
        Fixtures.putJourney(key, Map.of("name", "Risk\u0000", "steps", List.of(step("s1", "One", null))))
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("name"))
                .body("errors[0].message", equalTo("must not contain the control character U+0000"));
        Fixtures.putJourney(key, Map.of("name", "Risk", "steps", List.of(step("s1", "Bell\u0007", null))))
                .statusCode(400).body("errors.field", contains("steps[0].name"));
        given().get("/api/v1/journeys/{j}", key).then().statusCode(404);

        Fixtures.putJourney(key, Map.of("name", "Risk", "steps", List.of(step("s1", "One", null)))).statusCode(201);
        Map<String, Object> badProspect = new LinkedHashMap<>(entered("bob\u0000", "s1", 0));
        Map<String, Object> badAttribute = new LinkedHashMap<>(entered("ann", "s1", 0));
        badAttribute.put("attributes", Map.of("role", "risk\u001b[31m"));
        post(key, List.of(badProspect)).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("[0].prospect"));
        post(key, List.of(entered("ann", "s1", 0), badAttribute)).statusCode(400)
                .body("errors[0].field", equalTo("[1].attributes.role"));
        given().get("/api/v1/journeys/{j}/prospects/ann", key).then().statusCode(404);
    }

    @Test
    void controlCharactersInPathsAndQueriesAreRefused() {
        String key = Fixtures.createRiskSoftware("nul-path");
        for (String path : List.of("/api/v1/journeys/%00", "/api/v1/journeys/" + key + "/steps/%00",
                "/api/v1/journeys/" + key + "/steps/decides/touchpoints/a%01b", "/api/v1/journeys/" + key + "/prospects/%00")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("path"));
        }
        given().urlEncodingEnabled(false).get("/api/v1/journeys/" + key + "/reports/stale?asOf=%00").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void aKeySpelledNullIsAKeyLikeAnyOther() {
        String key = Fixtures.uniqueKey("null-key");
        Map<String, Object> first = new LinkedHashMap<>(step("null", "Null step", null));
        first.put("touchpoints", List.of(Map.of("key", "null", "name", "Null touch", "channel", "EMAIL", "mode", "HUMAN",
                "owner", "Team")));
        first.put("actions", List.of(Map.of("key", "null", "name", "Null action")));
        Fixtures.putJourney(key, Map.of("name", "Nulls", "steps", List.of(first, step("next", "Next", null))))
                .statusCode(201);
        given().get("/api/v1/journeys/{j}/steps/null/actions/null", key).then().statusCode(200)
                .body("name", equalTo("Null action"));
        post(key, List.of(entered("p", "null", 0), entered("p", "next", 1))).statusCode(200).body("accepted", equalTo(2));
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-02-01")
                .get("/api/v1/journeys/{j}/reports/conversion", key).then().statusCode(200)
                .body("funnels[0].steps.step", contains("null", "next"))
                .body("funnels[0].steps[0].converted", equalTo(1));
    }

    @Test
    void anEmptyBuyerGoalAndAnOverlongDurationAreHandled() {
        String key = Fixtures.uniqueKey("empty-goal");
        Fixtures.putJourney(key, Map.of("name", "Goals", "steps", List.of(step("s1", "One", "")))).statusCode(201);
        given().get("/api/v1/journeys/{j}/gaps", key).then().statusCode(200)
                .body("gaps.fix", hasItem("Add the touchpoints that help the buyer through this step"));
        given().accept("image/svg+xml").get("/api/v1/journeys/{j}/map.svg", key).then().statusCode(200);

        Map<String, Object> slow = new LinkedHashMap<>(step("s1", "One", null));
        slow.put("staleAfter", "P" + "1".repeat(80) + "D");
        Fixtures.putJourney(key, Map.of("name", "Goals", "steps", List.of(slow))).statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("steps[0].staleAfter"));
        given().contentType(ContentType.JSON).get("/api/v1/journeys/{j}/steps/s1", key).then().statusCode(200)
                .body("staleAfter", equalTo(null));
    }
}
