package com.outsidein.journeys.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.EventFixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Forty reports at once, with design reads among them: reports queue for the reports pool and never
 * starve the API; an answer is the report, or 503 problem+json with Retry-After, never a 500.
 */
@QuarkusTest
class ConcurrentReportsTest {

    @Test
    void aBurstOfReportsQueuesAndNeverFails() throws Exception {
        String journey = EventFixtures.createFunnelJourney("burst");
        EventFixtures.post(journey, EventFixtures.workedExample()).statusCode(200);
        String base = "/api/v1/journeys/" + journey;
        List<String> paths = List.of(base + "/reports/conversion?from=2026-01-01&to=2026-03-01",
                base + "/reports/responses?from=2026-01-01&to=2026-03-01", base + "/reports/stale",
                base + "/reports/contact-pressure", base + "/reports/transitions", base + "/reports/responses/open", base);
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String path = paths.get(i % paths.size());
                answers.add(clients.submit(() -> given().urlEncodingEnabled(false).get(path).then().extract().response()));
            }
            int ok = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 503) {
                    assertEquals("application/problem+json", response.contentType());
                    assertTrue(response.header("Retry-After") != null, response.asString());
                } else {
                    assertEquals(200, response.statusCode(), response.asString());
                    ok++;
                }
            }
            assertTrue(ok > 0);
        } finally {
            clients.shutdown();
        }
        // The pool's permits all came back: a report right after the burst runs.
        given().get(base + "/reports/stale").then().statusCode(200);
    }
}
