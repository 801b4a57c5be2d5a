package com.outsidein.journeys.report.conversion;

import static com.outsidein.journeys.EventFixtures.T0;
import static com.outsidein.journeys.EventFixtures.event;
import static com.outsidein.journeys.EventFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.report.conversion.ChartGeometry.Panel;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The conversion report as a picture: same parameters, same numbers as the JSON, problems stay problem+json. */
@QuarkusTest
class FunnelChartTest {

    private static final String SVG = "image/svg+xml";
    private static final List<String> REGIONS = List.of("Europe, the Middle East and Africa", "North America",
            "Asia-Pacific", "Latin America", "Nordics");

    /**
     * Six steps s1..s6. In region i (1..5) there are i + 2 prospects; prospect j (0-based) enters s1..s(j + 2)
     * one day apart, so region 1 (three prospects reaching s2, s3, s4) enters 3, 3, 2, 1, 0, 0.
     */
    private static String journeyWithFiveRegions() {
        String key = Fixtures.uniqueKey("chart");
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int s = 1; s <= 6; s++) {
            steps.add(Map.of("key", "s" + s, "name", s == 2 ? "Compares <vendors> & \"prices\"" : "Buyer step number " + s,
                    "touchpoints", List.of(Map.of("key", "tp-" + s, "name", "Touch " + s, "channel", "MEETING", "mode",
                            "HUMAN", "owner", "Sales"))));
        }
        Fixtures.putJourney(key, Map.of("name", "Six steps, five regions", "steps", steps)).statusCode(201);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 1; i <= REGIONS.size(); i++) {
            for (int j = 0; j < i + 2; j++) {
                for (int s = 1; s <= Math.min(6, j + 2); s++) {
                    events.add(event("r" + i + "-p" + j, "STEP_ENTERED", "step", "s" + s, s - 1,
                            Map.of("region", REGIONS.get(i - 1))));
                }
            }
        }
        post(key, events).statusCode(200);
        return key;
    }

    private static RequestSpecification range() {
        return given().queryParam("from", T0.toString()).queryParam("to", T0.plus(Duration.ofDays(30)).toString());
    }

    @Test
    void theChartDrawsTheReportsNumbersPerBreakdownValueWithoutOverlaps() throws Exception {
        String key = journeyWithFiveRegions();
        String url = "/api/v1/journeys/" + key + "/reports/conversion";
        String svg = range().queryParam("breakdown", "region").accept(SVG).get(url).then().statusCode(200)
                .contentType(startsWith(SVG)).extract().asString();
        ChartGeometry chart = ChartGeometry.parse(svg);
        chart.assertLaidOut();

        List<Panel> panels = chart.panels();
        assertEquals(List.of("Asia-Pacific", "Europe, the Middle East and Africa", "Latin America", "Nordics",
                "North America"), panels.stream().map(Panel::segment).toList(), "one panel per value, in the report's order");
        // Europe is region 1: hand-worked above.
        Panel europe = panels.get(1);
        ChartGeometry.assertCounts(europe, List.of(3L, 3L, 2L, 1L, 0L, 0L), List.of(3L, 2L, 1L, 0L, 0L));
        assertEquals(List.of("3 entered", "3 converted · 100.0 %", "median 1 day to the next step"), europe.stats().get("s1"));
        assertEquals(List.of("3 entered · 100.0 % of step 1", "2 converted · 66.7 %", "median 1 day to the next step"),
                europe.stats().get("s2"));
        assertEquals(List.of("240.0", "240.0", "160.0", "80.0", "0.0", "0.0"),
                europe.enteredWidth().values().stream().map(String::valueOf).toList());
        // Nordics is region 5: seven prospects reaching s2..s6, s6, s6: 7, 7, 6, 5, 4, 3.
        ChartGeometry.assertCounts(panels.get(3), List.of(7L, 7L, 6L, 5L, 4L, 3L), List.of(7L, 6L, 5L, 4L, 3L));

        // The same numbers as the JSON answer, panel by panel.
        List<List<Integer>> json = range().queryParam("breakdown", "region").get(url).then().statusCode(200)
                .extract().jsonPath().getList("funnels.steps.entered");
        assertEquals(json, panels.stream().map(p -> p.entered().values().stream().map(Long::intValue).toList()).toList());
        assertTrue(svg.contains("&lt;vendors&gt;") && !svg.contains("<vendors>"), "names are escaped");
        assertTrue(svg.contains("<title>Conversion: Six steps, five regions</title>"));
    }

    @Test
    void intervalGivesOneSmallChartPerBucketAndTheChartIsConditional() throws Exception {
        String key = journeyWithFiveRegions();
        String url = "/api/v1/journeys/" + key + "/reports/conversion";
        var answer = given().queryParam("from", T0.toString()).queryParam("to", T0.plus(Duration.ofDays(1)).toString())
                .queryParam("interval", "day").accept(SVG).get(url).then().statusCode(200).extract();
        ChartGeometry chart = ChartGeometry.parse(answer.asString());
        chart.assertLaidOut();
        assertEquals(List.of("2026-01-05"), chart.panels().stream().map(Panel::bucket).toList());
        assertEquals("Day 2026-01-05", chart.panels().get(0).title().get(0));
        // 3 + 4 + 5 + 6 + 7 prospects entered s1 on T0.
        assertEquals(25L, chart.panels().get(0).entered().get("s1"));

        String etag = answer.header("ETag");
        given().queryParam("from", T0.toString()).queryParam("to", T0.plus(Duration.ofDays(1)).toString())
                .queryParam("interval", "day").accept(SVG).header("If-None-Match", etag).get(url).then().statusCode(304);
    }

    @Test
    void badParametersAndUnknownJourneysStillAnswerProblems() {
        String key = journeyWithFiveRegions();
        String url = "/api/v1/journeys/" + key + "/reports/conversion";
        given().accept(SVG).queryParam("window", "soon").get(url).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("window"));
        given().accept(SVG).get("/api/v1/journeys/{j}/reports/conversion", Fixtures.uniqueKey("nochart")).then()
                .statusCode(404).contentType("application/problem+json");
        given().accept("image/png").get(url).then().statusCode(406).contentType("application/problem+json");
        // JSON stays the default; a browser that accepts anything gets JSON, one that asks for images the picture.
        given().accept("*/*").get(url).then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("image/*").get(url).then().statusCode(200).contentType(startsWith(SVG));
    }
}
