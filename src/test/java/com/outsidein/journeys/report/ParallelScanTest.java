package com.outsidein.journeys.report;

import static com.outsidein.journeys.EventFixtures.entered;
import static com.outsidein.journeys.EventFixtures.event;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.outsidein.journeys.EventFixtures;
import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestReportsSettings;

import io.quarkus.test.junit.QuarkusTest;

/**
 * 1,200 prospects with wide rows, so a journey's rows lie in well over a hundred table blocks and every
 * partition of a scan holds some: each report answers exactly the same with 1 partition as with 4.
 */
@QuarkusTest
class ParallelScanTest {

    @AfterEach
    void configuredAgain() {
        TestReportsSettings.parallelism = null;
    }

    @Test
    void everyReportAnswersTheSameWithOneOrFourPartitions() {
        String journey = EventFixtures.createFunnelJourney("parallel");
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("from", "a", "to", "c", "conditions",
                List.of(Map.of("type", "ACTION_PERFORMED", "action", "act-a"),
                        Map.of("type", "ATTRIBUTE_EQUALS", "attribute", "segment", "value", "s1"))))
                .post("/api/v1/journeys/{j}/transitions", journey).then().statusCode(201);
        given().contentType(io.restassured.http.ContentType.JSON).body(Map.of("excludes", List.of(
                Map.of("type", "ATTRIBUTE_IN", "attribute", "segment", "values", List.of("s1", "s2")),
                Map.of("type", "ACTION_PERFORMED", "action", "act-a"))))
                .patch("/api/v1/journeys/{j}/steps/a/touchpoints/tp-a", journey).then().statusCode(200);
        String padding = "x".repeat(600);
        for (int batch = 0; batch < 4; batch++) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = batch * 300; i < (batch + 1) * 300; i++) {
                String p = "p" + i;
                Map<String, String> attributes = Map.of("segment", "s" + (i % 5), "notes", padding,
                        "email", "user" + (i % 400) + "@example.com");
                events.add(event(p, "STEP_ENTERED", "step", "a", i % 20, attributes));
                if (i % 3 != 0) {
                    events.add(event(p, "ACTION_PERFORMED", "action", "act-a", i % 20 + 0.1, null));
                }
                if (i % 4 == 0) {
                    events.add(event(p, "TOUCHPOINT_DELIVERED", "touchpoint", "tp-a", i % 20 + 0.5 + i % 7, null));
                }
                if (i % 9 == 0) {
                    Map<String, Object> optOut = event(p, "OPTED_OUT", "channel", "EMAIL", i % 20 + 0.2, null);
                    events.add(optOut);
                }
                if (i % 2 == 0) {
                    events.add(entered(p, "c", i % 20 + 1 + i % 11));
                }
                if (i % 6 == 0) {
                    events.add(entered(p, "d", i % 20 + 15));
                }
            }
            EventFixtures.post(journey, events).statusCode(200);
        }
        String base = "/api/v1/journeys/" + journey + "/reports/";
        String range = "from=2026-01-01&to=2026-03-01";
        String asOf = "asOf=" + EventFixtures.at(30);
        List<String> reports = List.of("conversion?" + range, "conversion?" + range + "&breakdown=segment&interval=week",
                "conversion/steps/a/prospects?" + range + "&status=dropped&limit=500",
                "responses?" + range + "&" + asOf, "responses/open?limit=500&" + asOf, "stale?limit=500&" + asOf,
                "contact-pressure?cap=0&limit=500", "transitions?" + asOf, "data-quality?limit=500", "misdirected?" + range);
        for (String report : reports) {
            TestReportsSettings.parallelism = 1;
            String one = given().urlEncodingEnabled(false).get(base + report).then().statusCode(200).extract().asString();
            TestReportsSettings.parallelism = 4;
            String four = given().urlEncodingEnabled(false).get(base + report).then().statusCode(200).extract().asString();
            assertEquals(one, four, report);
            assertTrue(one.length() > 200, report + ": " + one);
        }
        // The rows really are spread: far more blocks than partitions.
        TestReportsSettings.parallelism = 4;
        given().urlEncodingEnabled(false).get(base + "conversion?" + range).then().statusCode(200)
                .body("funnels[0].population", org.hamcrest.Matchers.equalTo(1200));
    }
}
