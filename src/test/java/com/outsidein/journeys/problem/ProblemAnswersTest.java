package com.outsidein.journeys.problem;

import com.outsidein.journeys.database.SqlStates;
import com.outsidein.journeys.format.Csv;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.core.Response;

/** Client mistakes answer a 4xx naming what was wrong; database trouble says what happened. */
@QuarkusTest
class ProblemAnswersTest {

    @Test
    void aQueryParameterOfTheWrongTypeIsABadRequestNamingIt() {
        String journey = Fixtures.createRiskSoftware("bad-params");
        String reports = "/api/v1/journeys/" + journey + "/reports/";
        given().queryParam("limit", "abc").get(reports + "responses/open").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("limit"))
                .body("errors[0].message", equalTo("must be a whole number"));
        given().queryParam("lateFactor", "x").queryParam("limit", "7").get(reports + "stale").then().statusCode(400)
                .body("errors.field", contains("lateFactor"))
                .body("detail", equalTo("lateFactor: must be a number"));
        given().queryParam("cap", "1.5").queryParam("limit", "many").get(reports + "contact-pressure").then()
                .statusCode(400).body("errors.field", contains("cap", "limit"));
    }

    /** What {@code curl --data @file} sends without {@code -H}: a form, which the form parsers below JAX-RS read first. */
    @Test
    void aJourneyDocumentSentAsAFormOfAnySizeIsTheSame415Problem() {
        String journey = "/api/v1/journeys/" + Fixtures.createRiskSoftware("form-body");
        String small = "{\"name\":\"x\"}";
        String large = "{\"name\":\"" + "x".repeat(3000) + "\"}";
        for (String body : List.of(small, large)) {
            given().contentType("application/x-www-form-urlencoded").body(body).put(journey).then().statusCode(415)
                    .contentType("application/problem+json")
                    .body("type", equalTo(ProblemMapper.TYPE_PREFIX + "unsupported-media-type"))
                    .body("title", equalTo("Unsupported Media Type"))
                    .body("detail", equalTo("Send this request as application/json"))
                    .body("requestId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        }
        given().multiPart("document", large).put(journey).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemMapper.TYPE_PREFIX + "unsupported-media-type"))
                .body("detail", equalTo("Send this request as application/json"))
                .body("requestId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        // Nothing of it was stored: the journey keeps its name.
        given().get(journey).then().statusCode(200).body("name", org.hamcrest.Matchers.not(equalTo("x")));
    }

    @Test
    void withoutAKeyTheAnswerIs401WhateverTheMediaTypes() {
        String journey = "/api/v1/journeys/" + Fixtures.createRiskSoftware("no-key-media");
        com.outsidein.journeys.TestKeys.anonymous().accept("application/json").get(journey + "/map.svg").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("type", equalTo(ProblemMapper.TYPE_PREFIX + "unauthorized"));
        com.outsidein.journeys.TestKeys.anonymous().contentType("text/plain").body("x").put(journey).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo(ProblemMapper.TYPE_PREFIX + "unauthorized"));
        com.outsidein.journeys.TestKeys.anonymous().contentType("application/x-www-form-urlencoded").body("x".repeat(3000))
                .put(journey).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("type", equalTo(ProblemMapper.TYPE_PREFIX + "unauthorized"));
        // With a key, the media type is what is wrong.
        given().accept("application/json").get(journey + "/map.svg").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void aStatementTimeoutIsItsOwnProblemWithAdviceNotAnOutage() {
        Response timeout = new ProblemMapper().sql(new SQLException("canceling statement due to statement timeout", "57014"));
        assertEquals(503, timeout.getStatus());
        Problem problem = (Problem) timeout.getEntity();
        assertEquals(ProblemMapper.TYPE_PREFIX + "report-timeout", problem.type());
        assertEquals("30", timeout.getHeaderString("Retry-After"));

        Response outage = new ProblemMapper().sql(new SQLException("connection refused", "08001"));
        assertEquals(ProblemMapper.TYPE_PREFIX + "database-unavailable", ((Problem) outage.getEntity()).type());
        assertEquals("The database is unreachable; retry shortly", ((Problem) outage.getEntity()).detail());

        // A deadlock victim (after the service's own retries) is not an outage: it says so, and may be retried.
        Response deadlock = new ProblemMapper().sql(new SQLException("deadlock detected", "40P01"));
        assertEquals(503, deadlock.getStatus());
        assertEquals("5", deadlock.getHeaderString("Retry-After"));
        assertEquals(ProblemMapper.TYPE_PREFIX + "database-unavailable", ((Problem) deadlock.getEntity()).type());
        assertEquals("The request met a concurrent one over the same rows and nothing of it was kept; retry shortly",
                ((Problem) deadlock.getEntity()).detail());
        assertEquals("SQLSTATE 40P01", SqlStates.describe(new RuntimeException(new SQLException("x", "40P01"))));
        assertEquals("ConnectException", SqlStates.describe(new RuntimeException(new java.net.ConnectException("refused"))));
    }

    @JsonPropertyOrder({ "owner", "reason", "count" })
    record Row(String owner, String reason, long count) {
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreMadeInert() {
        String csv = Csv.write(List.of(
                new Row("=HYPERLINK(\"http://evil.example\",\"x\")", "+1", -3),
                new Row("@SUM(A1)", "-2", 4),
                new Row("\tTab", "\rReturn", 5),
                new Row("Inside sales", "a=b", 6)), Row.class);
        List<String> lines = csv.lines().toList();
        assertEquals("owner,reason,count", lines.get(0));
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+1,-3", lines.get(1));
        assertEquals("'@SUM(A1),'-2,4", lines.get(2));
        assertEquals("Inside sales,a=b,6", csv.substring(csv.indexOf("Inside")).lines().findFirst().orElseThrow());
        assertEquals(true, csv.contains("'\tTab"), csv);
        assertEquals(true, csv.contains("'\rReturn"), csv);
    }

    @Test
    void everyProblemCarriesTheRequestIdThatTheLogShows() throws Exception {
        io.restassured.response.Response missing = given().get("/api/v1/journeys/{j}", Fixtures.uniqueKey("nobody"));
        String id = missing.header("X-Request-Id");
        assertEquals(404, missing.statusCode());
        assertEquals(id, missing.path("requestId"));
        org.junit.jupiter.api.Assertions.assertTrue(id.matches("[0-9a-f-]{36}"), id);
        // A caller's own sane id is kept; anything else is replaced.
        given().header("X-Request-Id", "crm-sync.2026-11-24.0042").get("/api/v1/journeys/none-such").then()
                .statusCode(404).header("X-Request-Id", "crm-sync.2026-11-24.0042")
                .body("requestId", equalTo("crm-sync.2026-11-24.0042"));
        String replaced = given().header("X-Request-Id", "bad id\u0001").get("/api/v1/journeys/none-such").then()
                .statusCode(404).extract().header("X-Request-Id");
        org.junit.jupiter.api.Assertions.assertTrue(replaced.matches("[0-9a-f-]{36}"), replaced);
        // The access log line of the request names it.
        String log = "";
        for (int attempt = 0; attempt < 50 && !log.contains(id); attempt++) {
            Thread.sleep(100);
            log = java.nio.file.Files.readString(java.nio.file.Path.of("target", "quarkus.log"));
        }
        org.junit.jupiter.api.Assertions.assertTrue(log.lines().anyMatch(line -> line.contains(id) && line.contains(" 404 ")),
                "no log line with " + id);
    }

    @Test
    void overLongTargetsAndHeadersAreProblemsToo() {
        given().urlEncodingEnabled(false).get("/api/v1/journeys?cursor=" + "a".repeat(9000)).then().statusCode(414)
                .contentType("application/problem+json").body("type", equalTo("urn:purchase-journeys:problem:uri-too-long"))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
        given().header("X-Padding", "p".repeat(20_000)).get("/api/v1/journeys").then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:purchase-journeys:problem:request-header-fields-too-large"));
        given().get("/api/v1/journeys").then().statusCode(200);
    }

    @Test
    void jsonNestedTooDeepOrWithAHugeStringIsABadRequest() {
        String journey = "/api/v1/journeys/" + Fixtures.uniqueKey("json-limits");
        String stored = "/api/v1/journeys/" + Fixtures.createRiskSoftware("json-depth");
        String etag = given().get(stored).then().extract().header("ETag");
        // A merge patch is read whole as a tree, so its depth is what the limit meets.
        given().contentType("application/merge-patch+json").body("{\"description\":" + "[".repeat(65) + "]".repeat(65) + "}")
                .patch(stored).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:purchase-journeys:problem:json-limit"))
                .body("detail", org.hamcrest.Matchers.containsString("nesting depth"));
        given().contentType("application/json").body("{\"name\":\"" + "n".repeat(1_000_001) + "\"}")
                .put(journey).then().statusCode(400).body("type", equalTo("urn:purchase-journeys:problem:json-limit"))
                .body("detail", org.hamcrest.Matchers.containsString("String value length"));
        given().contentType("application/json").body("{\"name\":\"x\",\"steps\":[{\"key\":\"a\",\"name\":\"A\","
                + "\"optional\":" + "9".repeat(101) + "}]}").put(journey).then().statusCode(400)
                .body("type", equalTo("urn:purchase-journeys:problem:json-limit"));
        given().get(journey).then().statusCode(404);
        given().get(stored).then().statusCode(200).header("ETag", equalTo(etag));
    }

    /** Found by the contract fuzz: a report running to year 0 answered a year -1 'from'; a channel of 0 was EMAIL. */
    @Test
    void timesOutsideTheSupportedRangeAndNumberedEnumsAreRefused() {
        String journey = Fixtures.createRiskSoftware("fuzz-found");
        String reports = "/api/v1/journeys/" + journey + "/reports/";
        given().queryParam("to", "0000-01-01T00:00:00Z").get(reports + "responses").then().statusCode(400)
                .body("errors.field", contains("to"))
                .body("errors[0].message", equalTo("must be between 1970-01-01 and 9999-12-31"));
        given().queryParam("from", "1969-12-31").queryParam("to", "1970-02-01").get(reports + "conversion").then()
                .statusCode(400).body("errors.field", contains("from"));
        given().queryParam("to", "1970-02-01").get(reports + "conversion").then().statusCode(200)
                .body("parameters.from", equalTo("1970-01-01T00:00:00Z"));
        given().contentType("application/json").body(java.util.Map.of("name", "Mail", "channel", 0, "mode", "HUMAN"))
                .put("/api/v1/journeys/{j}/steps/researches-risk/touchpoints/white-paper-mail", journey).then()
                .statusCode(400).body("errors[0].field", equalTo("channel"));
        for (String notFinite : java.util.List.of("1e309", "NaN", "Infinity")) {
            given().queryParam("lateFactor", notFinite).get(reports + "stale").then().statusCode(400)
                    .body("errors[0].field", equalTo("lateFactor"));
        }
    }
}
