package com.outsidein.journeys.security;

import static com.outsidein.journeys.TestKeys.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Per-key rate limits and the failed-authentication throttle per client address. */
@QuarkusTest
class RateLimitTest {

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterAndGetsThroughAgainAfterIt() throws Exception {
        // 60 a minute: a burst of 60, then one more each second.
        String key = given().contentType(ContentType.JSON)
                .body(Map.of("name", "limited", "scopes", List.of("journeys:read"), "rateLimit", 60))
                .post("/api/v1/keys").then().statusCode(201).body("rateLimit", equalTo(60)).extract().path("secret");
        Response refused = null;
        int admitted = 0;
        for (int i = 0; i < 200 && refused == null; i++) {
            Response response = as(key).get("/api/v1/teams/current");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
                admitted++;
            }
        }
        assertTrue(refused != null, "the limit was never reached");
        assertTrue(admitted >= 60, "the burst is the whole minute's budget: " + admitted);
        refused.then().contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString("60 requests a minute"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "one request comes back every second: " + retryAfter);

        // Another key is not affected by this one's limit.
        given().get("/api/v1/teams/current").then().statusCode(200);

        Thread.sleep(retryAfter * 1_000L + 100);
        as(key).get("/api/v1/teams/current").then().statusCode(200);
    }

    @Test
    void repeatedFailedAuthenticationFromOneAddressIs429WhileAValidKeyFromItWorks() {
        String address = "203.0.113.77";
        String bad = "Bearer pjk_" + "q".repeat(16) + "_" + "W".repeat(40);
        int unauthorized = 0;
        Response refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            Response response = given().header("X-Forwarded-For", address).header("Authorization", bad).get("/api/v1/journeys");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(401, response.statusCode());
                unauthorized++;
            }
        }
        assertEquals(30, unauthorized, "the default budget is 30 failures a minute");
        refused.then().contentType("application/problem+json").body("detail", containsString("failed authentications"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);

        // The same address with a valid key, and another address with a bad one, are unaffected.
        given().header("X-Forwarded-For", address).get("/api/v1/journeys").then().statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.78").header("Authorization", bad).get("/api/v1/journeys")
                .then().statusCode(401);
    }
}
