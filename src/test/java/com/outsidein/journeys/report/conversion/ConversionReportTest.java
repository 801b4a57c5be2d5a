package com.outsidein.journeys.report.conversion;

import static com.outsidein.journeys.EventFixtures.T0;
import static com.outsidein.journeys.EventFixtures.createFunnelJourney;
import static com.outsidein.journeys.EventFixtures.post;
import static com.outsidein.journeys.EventFixtures.workedExample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Conversion numbers worked out by hand on the dataset of {@link com.outsidein.journeys.EventFixtures#workedExample()}
 * (range [T0, T0+30d), window P90D unless said otherwise).
 */
@QuarkusTest
class ConversionReportTest {

    private static final long DAY = 86_400;
    private static String journey;

    /** The worked example is ingested once, by whichever test runs first (RestAssured is set up per test). */
    @BeforeEach
    synchronized void ingestTheWorkedExample() {
        if (journey == null) {
            journey = createFunnelJourney("conversion");
            post(journey, workedExample()).statusCode(200).body("accepted", equalTo(22)).body("duplicates", equalTo(0));
        }
    }

    private RequestSpecification range() {
        return given().queryParam("from", T0.toString()).queryParam("to", T0.plus(Duration.ofDays(30)).toString());
    }

    private String url() {
        return "/api/v1/journeys/" + journey + "/reports/conversion";
    }

    @Test
    void orderedFunnelFollowsTheStepsWithinTheWindow() {
        range().get(url()).then().statusCode(200)
                .body("journey", equalTo(journey))
                .body("parameters.window", equalTo("P90D")).body("parameters.order", equalTo("ordered"))
                .body("parameters.from", equalTo("2026-01-05T00:00:00Z"))
                .body("dataThrough", startsWith("2026-04-15T00:00"))
                .body("funnels", hasSize(1))
                .body("funnels[0].population", equalTo(6))
                .body("funnels[0].steps.step", contains("a", "b", "c", "d"))
                .body("funnels[0].steps.entered", contains(6, 2, 4, 2))
                .body("funnels[0].steps.converted", contains(4, 2, 2, null))
                .body("funnels[0].steps.droppedOff", contains(2, 0, 2, null))
                .body("funnels[0].steps.conversionRate", contains(0.6667f, 1.0f, 0.5f, null))
                .body("funnels[0].steps.overallRate", contains(1.0f, 0.3333f, 0.6667f, 0.3333f))
                // a -> next: p1 1d, p2 5d (b skipped), p3 2d, p6 2d: sorted 1,2,2,5 days
                .body("funnels[0].steps[0].timeToConvert.p50", equalTo((int) (2 * DAY)))
                .body("funnels[0].steps[0].timeToConvert.p75", equalTo((int) (2 * DAY)))
                .body("funnels[0].steps[0].timeToConvert.p90", equalTo((int) (5 * DAY)))
                .body("funnels[0].steps[0].timeToConvert.p95", equalTo((int) (5 * DAY)))
                .body("funnels[0].steps[0].timeToConvert.mean", equalTo(2.5f * DAY))
                .body("funnels[0].steps[1].timeToConvert.p50", equalTo((int) DAY))
                .body("funnels[0].steps[2].timeToConvert.mean", equalTo((float) DAY))
                .body("funnels[0].steps[3].timeToConvert", nullValue());
    }

    @Test
    void anyOrderKeepsTheWindowButNotTheOrder() {
        range().queryParam("order", "any").get(url()).then().statusCode(200)
                .body("parameters.order", equalTo("any"))
                .body("funnels[0].steps.entered", contains(6, 2, 4, 3))
                .body("funnels[0].steps.converted", contains(4, 2, 2, null))
                // b -> c: p1 1d, p6 entered c before b: clamped to 0
                .body("funnels[0].steps[1].timeToConvert.p50", equalTo(0))
                .body("funnels[0].steps[1].timeToConvert.p75", equalTo((int) DAY))
                .body("funnels[0].steps[1].timeToConvert.mean", equalTo(DAY / 2f))
                // c -> d: p1 1d, p6 3d
                .body("funnels[0].steps[2].timeToConvert.p50", equalTo((int) DAY))
                .body("funnels[0].steps[2].timeToConvert.p75", equalTo((int) (3 * DAY)))
                .body("funnels[0].steps[2].timeToConvert.mean", equalTo(2f * DAY));
    }

    @Test
    void aShortWindowCutsProspectsOff() {
        range().queryParam("window", "P3D").get(url()).then().statusCode(200)
                .body("parameters.window", equalTo("P3D"))
                .body("funnels[0].steps.entered", contains(6, 2, 3, 1))
                .body("funnels[0].steps.converted", contains(3, 2, 1, null));
    }

    @Test
    void breakdownGivesOneFunnelPerValueAndNone() {
        String key = createFunnelJourney("breakdown");
        List<Map<String, Object>> events = new ArrayList<>(workedExample());
        events.add(com.outsidein.journeys.EventFixtures.event("p1", "ACTION_PERFORMED", "action", "act-a", 0.1, Map.of("region", "emea")));
        events.add(com.outsidein.journeys.EventFixtures.event("p2", "ACTION_PERFORMED", "action", "act-a", 0.1, Map.of("region", "emea")));
        events.add(com.outsidein.journeys.EventFixtures.event("p3", "ACTION_PERFORMED", "action", "act-a", 1.1, Map.of("region", "amer")));
        post(key, events).statusCode(200).body("accepted", equalTo(25));
        range().queryParam("breakdown", "region").get("/api/v1/journeys/" + key + "/reports/conversion").then()
                .statusCode(200)
                .body("parameters.breakdown", equalTo("region"))
                .body("funnels.segment", contains("(none)", "amer", "emea"))
                .body("funnels.population", contains(3, 1, 2))
                .body("funnels[0].steps.entered", contains(3, 1, 1, 1))
                .body("funnels[1].steps.entered", contains(1, 0, 1, 0))
                .body("funnels[2].steps.entered", contains(2, 1, 2, 1));
    }

    @Test
    void intervalBucketsByTheWeekOfTheFirstEntry() {
        range().queryParam("interval", "week").get(url()).then().statusCode(200)
                .body("funnels.bucket", contains("2026-01-05", "2026-01-12"))
                .body("funnels.population", contains(5, 1))
                .body("funnels[0].steps.entered", contains(5, 1, 3, 1))
                .body("funnels[1].steps.entered", contains(1, 1, 1, 1));
        range().queryParam("interval", "day").get(url()).then().statusCode(200)
                .body("funnels.bucket", contains("2026-01-05", "2026-01-06", "2026-01-07", "2026-01-15"))
                .body("funnels.population", contains(2, 1, 2, 1));
    }

    @Test
    void lateAndOutOfOrderEventsGiveTheSameReport() {
        String key = createFunnelJourney("shuffled");
        List<Map<String, Object>> events = new ArrayList<>(workedExample());
        Collections.shuffle(events, new Random(42));
        for (int i = 0; i < events.size(); i += 5) {
            post(key, events.subList(i, Math.min(events.size(), i + 5))).statusCode(200);
        }
        post(key, events.subList(0, 7)).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(7));
        for (String order : List.of("ordered", "any")) {
            Object expected = range().queryParam("order", order).get(url()).then().extract().path("funnels");
            Object actual = range().queryParam("order", order).get("/api/v1/journeys/" + key + "/reports/conversion")
                    .then().extract().path("funnels");
            assertEquals(expected, actual, order);
        }
    }

    @Test
    void csvHasOneRowPerStep() {
        String csv = range().accept("text/csv").get(url()).then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("bucket,segment,step,optional,entered,converted,conversionRate,overallRate,droppedOff,p50,p75,p90,p95,mean",
                lines.get(0));
        assertEquals(",,a,false,6,4,0.6667,1.0,2,172800,172800,432000,432000,216000.0", lines.get(1));
        assertEquals(",,d,false,2,,,0.3333,,,,,,", lines.get(4));
        assertEquals(5, lines.size());
    }

    @Test
    void drillDownListsWhoConvertedOrDroppedPageByPage() {
        String base = url() + "/steps/a/prospects";
        String cursor = range().queryParam("status", "converted").queryParam("limit", 3).get(base).then().statusCode(200)
                .body("items.prospect", contains("p1", "p2", "p3"))
                .body("items[1].convertedTo", equalTo("c"))
                .body("items[1].enteredAt", equalTo("2026-01-05T00:00:00Z"))
                .body("items[1].convertedAt", equalTo("2026-01-10T00:00:00Z"))
                .extract().path("nextCursor");
        range().queryParam("status", "converted").queryParam("limit", 3).queryParam("cursor", cursor).get(base).then()
                .statusCode(200).body("items.prospect", contains("p6")).body("nextCursor", nullValue());
        range().queryParam("status", "dropped").get(base).then().statusCode(200)
                .body("items.prospect", contains("p4", "p5")).body("items[0].convertedAt", nullValue());
        range().queryParam("status", "dropped").get(url() + "/steps/c/prospects").then()
                .body("items.prospect", contains("p2", "p3"));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("window", "P0D").get(url()).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("window"));
        given().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get(url()).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2020-01-01").queryParam("to", "2026-01-01").get(url()).then().statusCode(400)
                .body("errors[0].message", containsString("at most"));
        given().queryParam("order", "random").queryParam("interval", "hour").get(url()).then().statusCode(400)
                .body("errors.field", contains("order", "interval"));
        given().queryParam("from", "yesterday").get(url()).then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().get(url() + "/steps/zz/prospects").then().statusCode(404).contentType("application/problem+json");
        given().get(url() + "/steps/d/prospects").then().statusCode(400).body("errors[0].field", equalTo("step"));
        given().queryParam("status", "lost").get(url() + "/steps/a/prospects").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("cursor", "abc").get(url() + "/steps/a/prospects").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().get("/api/v1/journeys/nope-" + journey + "/reports/conversion").then().statusCode(404);
    }

    @Test
    void theReadmeWalkThroughGivesTheNumbersItShows() throws Exception {
        String key = com.outsidein.journeys.Fixtures.createRiskSoftware("readme");
        String events = java.nio.file.Files.readString(java.nio.file.Path.of("examples", "risk-software-events.json"));
        given().contentType("application/json").body(events).post("/api/v1/journeys/{j}/events", key).then()
                .statusCode(200).body("accepted", equalTo(18)).body("duplicates", equalTo(0));
        given().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("window", "P90D")
                .get("/api/v1/journeys/{j}/reports/conversion", key).then().statusCode(200)
                .body("dataThrough", equalTo("2026-03-19T21:00:00Z"))
                .body("funnels[0].population", equalTo(4))
                .body("funnels[0].steps.entered", contains(4, 3, 2, 1))
                .body("funnels[0].steps.converted", contains(3, 2, 1, null))
                .body("funnels[0].steps[0].conversionRate", equalTo(0.75f))
                .body("funnels[0].steps[3].overallRate", equalTo(0.25f));
    }

    /**
     * 2,000 prospects: enough rows to spread over many table blocks, so the report's parallel block-range
     * partitions each get some. Prospect i enters a at i minutes; those with i % 4 != 0 enter c (b, optional,
     * skipped) i + 1 hours later. So 1,500 convert from a, with durations n hours for n in 1..2000, n % 4 != 1:
     * three per block of four (4k+2, 4k+3, 4k+4). Nearest rank p50 is the 750th value, the last of the 250th
     * block: 1,000 h; p90 the 1,350th, the last of the 450th block: 1,800 h; p95 the 1,425th, the last of the
     * 475th: 1,900 h; p75 the 1,125th, the last of the 375th: 1,500 h.
     */
    @Test
    void aLargeJourneyIsCountedOnceAcrossPartitionsWithExactPercentiles() {
        String key = createFunnelJourney("many");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            double enteredA = i / 1440.0;
            events.add(com.outsidein.journeys.EventFixtures.entered("m" + i, "a", enteredA));
            if (i % 4 != 0) {
                events.add(com.outsidein.journeys.EventFixtures.entered("m" + i, "c", enteredA + (i + 1) / 24.0));
            }
        }
        post(key, events).statusCode(200).body("accepted", equalTo(3_500));
        long hour = 3_600;
        given().queryParam("from", T0.toString()).queryParam("to", T0.plus(Duration.ofDays(30)).toString())
                .get("/api/v1/journeys/{j}/reports/conversion", key).then().statusCode(200)
                .body("funnels[0].population", equalTo(2_000))
                .body("funnels[0].steps.entered", contains(2_000, 0, 1_500, 0))
                .body("funnels[0].steps[0].converted", equalTo(1_500))
                .body("funnels[0].steps[0].timeToConvert.p50", equalTo((int) (1_000 * hour)))
                .body("funnels[0].steps[0].timeToConvert.p75", equalTo((int) (1_500 * hour)))
                .body("funnels[0].steps[0].timeToConvert.p90", equalTo((int) (1_800 * hour)))
                .body("funnels[0].steps[0].timeToConvert.p95", equalTo((int) (1_900 * hour)));
    }

    @Test
    void anEmptyRangeStillShowsTheSteps() {
        given().queryParam("from", "2025-01-01").queryParam("to", "2025-02-01").get(url()).then().statusCode(200)
                .body("funnels[0].population", equalTo(0))
                .body("funnels[0].steps.entered", contains(0, 0, 0, 0))
                .body("funnels[0].steps[0].conversionRate", nullValue());
    }

    /**
     * The worked example, then the design changes: c renamed, optional b deleted, then d moved before c.
     * Without b: a 6 (converted p1 2d, p2 5d, p3 2d, p6 1d), c 4 (p1, p6 reach d; p2's d is past the
     * window), d 2. Order a, d, c: p1, p5 and p6 reach d after a; nobody enters c after d.
     */
    @Test
    void designChangesAfterIngestGiveTheReportOfTheNewDesign() {
        String changed = createFunnelJourney("conversion-changed");
        post(changed, workedExample()).statusCode(200);
        String report = "/api/v1/journeys/" + changed + "/reports/conversion";
        given().contentType("application/merge-patch+json").body(Map.of("name", "Signs")).patch(
                "/api/v1/journeys/{j}/steps/c", changed).then().statusCode(200);
        given().delete("/api/v1/journeys/{j}/steps/b", changed).then().statusCode(204);
        range().get(report).then().statusCode(200)
                .body("funnels[0].steps.step", contains("a", "c", "d"))
                .body("funnels[0].steps[1].name", equalTo("Signs"))
                .body("funnels[0].steps.entered", contains(6, 4, 2))
                .body("funnels[0].steps.converted", contains(4, 2, null))
                .body("funnels[0].steps[0].timeToConvert.p50", equalTo((int) (2 * DAY)))
                .body("funnels[0].steps[0].timeToConvert.mean", equalTo(2.5f * DAY));
        given().contentType(io.restassured.http.ContentType.JSON).body(List.of("a", "d", "c"))
                .put("/api/v1/journeys/{j}/steps/order", changed).then().statusCode(200);
        range().get(report).then().statusCode(200)
                .body("funnels[0].steps.step", contains("a", "d", "c"))
                .body("funnels[0].steps.entered", contains(6, 3, 0))
                .body("funnels[0].steps.converted", contains(3, 0, null));
        range().queryParam("status", "converted").get(report + "/steps/a/prospects").then().statusCode(200)
                .body("items.prospect", contains("p1", "p5", "p6"))
                .body("items.convertedTo", contains("d", "d", "d"));
    }
}
