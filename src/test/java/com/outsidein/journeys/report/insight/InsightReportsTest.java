package com.outsidein.journeys.report.insight;

import static com.outsidein.journeys.EventFixtures.at;
import static com.outsidein.journeys.EventFixtures.createFunnelJourney;
import static com.outsidein.journeys.EventFixtures.entered;
import static com.outsidein.journeys.EventFixtures.event;
import static com.outsidein.journeys.EventFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InsightReportsTest {

    /**
     * x -> y with three conditions; days after T0:
     * P1 x0 call1 y3 role=cro · P2 x0 call0.5 y1 · P3 x0 (never leaves) role=cfo · P4 x0 y4 call5 (too late) role=cro.
     */
    @Test
    void transitionEvidenceShowsWhichConditionsPrecedeTheMove() {
        String key = Fixtures.uniqueKey("evidence");
        Fixtures.putJourney(key, Map.of("name", "Evidence", "steps", List.of(
                Map.of("key", "x", "name", "Looks", "touchpoints", List.of(Map.of("key", "call-x", "name", "Call",
                        "channel", "PHONE", "mode", "HUMAN", "owner", "Sales"))),
                Map.of("key", "y", "name", "Buys")),
                "transitions", List.of(Map.of("from", "x", "to", "y", "conditions", List.of(
                        Map.of("type", "TOUCHPOINT_RECEIVED", "touchpoint", "call-x", "note", "We called"),
                        Map.of("type", "TIME_IN_STEP_AT_LEAST", "duration", "P2D"),
                        Map.of("type", "ATTRIBUTE_EQUALS", "attribute", "role", "value", "cro")))))).statusCode(201);
        post(key, List.of(
                event("P1", "STEP_ENTERED", "step", "x", 0, Map.of("role", "cro")),
                event("P1", "TOUCHPOINT_DELIVERED", "touchpoint", "call-x", 1, null), entered("P1", "y", 3),
                entered("P2", "x", 0), event("P2", "TOUCHPOINT_DELIVERED", "touchpoint", "call-x", 0.5, null),
                entered("P2", "y", 1),
                event("P3", "STEP_ENTERED", "step", "x", 0, Map.of("role", "cfo")),
                event("P4", "STEP_ENTERED", "step", "x", 0, Map.of("role", "cro")), entered("P4", "y", 4),
                event("P4", "TOUCHPOINT_DELIVERED", "touchpoint", "call-x", 5, null))).statusCode(200);

        given().queryParam("asOf", at(10)).get("/api/v1/journeys/{j}/reports/transitions", key).then().statusCode(200)
                .body("transitions[0].from", equalTo("x"))
                .body("transitions[0].inFromStep", equalTo(4))
                .body("transitions[0].advanced", equalTo(3))
                .body("transitions[0].conditions.condition", contains("TOUCHPOINT_RECEIVED call-x",
                        "TIME_IN_STEP_AT_LEAST P2D", "ATTRIBUTE_EQUALS role=cro"))
                .body("transitions[0].conditions[0].note", equalTo("We called"))
                .body("transitions[0].conditions.met", contains(2, 3, 2))
                .body("transitions[0].conditions.notMet", contains(2, 1, 2))
                .body("transitions[0].conditions.advanceRateMet", contains(1.0f, 0.6667f, 1.0f))
                .body("transitions[0].conditions.advanceRateNotMet", contains(0.5f, 1.0f, 0.5f))
                .body("transitions[0].conditions.lift", contains(2.0f, 0.6667f, 2.0f))
                .body("transitions[0].combined.met", equalTo(1))
                .body("transitions[0].combined.advanceRateNotMet", equalTo(0.6667f))
                .body("transitions[0].combined.lift", equalTo(1.5f));
    }

    @Test
    void aConditionWithoutLiftIsShownAsSuch() {
        String key = createFunnelJourney("no-lift");
        given().contentType("application/json").body(Map.of("conditions", List.of(Map.of("type", "ACTION_PERFORMED", "action", "act-a"))))
                .put("/api/v1/journeys/{j}/transitions/a/c", key).then().statusCode(201);
        post(key, List.of(entered("n1", "a", 0), event("n1", "ACTION_PERFORMED", "action", "act-a", 1, null),
                entered("n2", "a", 0))).statusCode(200);
        given().queryParam("asOf", at(10)).get("/api/v1/journeys/{j}/reports/transitions", key).then().statusCode(200)
                .body("transitions[0].conditions[0].met", equalTo(1))
                .body("transitions[0].conditions[0].advanceRateMet", equalTo(0.0f))
                .body("transitions[0].conditions[0].advanceRateNotMet", equalTo(0.0f))
                .body("transitions[0].conditions[0].lift", nullValue());
    }

    @Test
    void dataQualityFindsProbableDuplicatesAndInvertedCasing() {
        String key = createFunnelJourney("quality");
        post(key, List.of(
                event("q1", "STEP_ENTERED", "step", "a", 0, Map.of("email", "Ann.Lee@Example.com", "name", "Ann Lee")),
                event("q2", "STEP_ENTERED", "step", "a", 0, Map.of("email", "annlee@example.com ", "name", "ann  lee")),
                event("q3", "STEP_ENTERED", "step", "a", 0, Map.of("email", "bob@example.com", "name", "dAVE bROCK")),
                event("q4", "STEP_ENTERED", "step", "a", 0, Map.of("name", "Ann. Lee", "city", "lONDON")))).statusCode(200);
        given().get("/api/v1/journeys/{j}/reports/data-quality", key).then().statusCode(200)
                .body("duplicateGroups", equalTo(2))
                .body("duplicates.attribute", contains("name", "email"))
                .body("duplicates[0].prospects", contains("q1", "q2", "q4"))
                .body("duplicates[1].normalized", equalTo("annlee@examplecom"))
                .body("duplicates[1].prospects", contains("q1", "q2"))
                .body("mangledValues", equalTo(2))
                .body("mangled.prospect", contains("q3", "q4"))
                .body("mangled.suggestion", contains("Dave Brock", "London"));
    }
}
