package com.outsidein.journeys.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import static com.outsidein.journeys.TestKeys.anonymous;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void livenessAndReadinessAreUpAndTheDatabaseHasAGroupOfItsOwn() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("database")));
        given().get("/q/health/group/database").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void probesAndOperationsPagesNeedNoKeyAndShowNoTeamData() {
        String journey = Fixtures.createRiskSoftware("ops-private");
        given().get("/api/v1/journeys/{j}", journey).then().statusCode(200);
        given().get("/api/v1/journeys/{j}/steps/decides", journey).then().statusCode(200);
        for (String probe : List.of("/q/health/live", "/q/health/ready", "/q/health/started", "/q/health")) {
            anonymous().get(probe).then().statusCode(200).body("status", equalTo("UP"));
        }
        String metrics = anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("/api/v1/journeys/{journey}/steps/{step}"), "requests are counted by route template");
        assertFalse(metrics.contains(journey), "metrics name no journey");
        String contract = anonymous().get("/q/openapi").then().statusCode(200).extract().asString();
        assertFalse(contract.contains(journey));
    }

    @Test
    void prometheusMetricsIncludeHttpServerRequests() {
        given().get("/api/v1/journeys").then().statusCode(200);
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/journeys\""));
    }
}
