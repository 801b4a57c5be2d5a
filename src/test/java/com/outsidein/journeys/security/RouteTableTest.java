package com.outsidein.journeys.security;

import static com.outsidein.journeys.TestKeys.anonymous;
import static com.outsidein.journeys.TestKeys.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outsidein.journeys.Contract;
import com.outsidein.journeys.ContractBodies;
import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the committed contract, tried without a key and with another team's admin key on
 * this team's journey and elements. New endpoints are covered by being in the contract.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteTableTest {

    /**
     * Operations that act in the caller's own namespace even when the path names a key another team
     * uses: the other team's PUT makes its own journey of that key, its preview checks its own proposal.
     * They run last, and must still leave this team's data alone and show none of it.
     */
    private static final Set<String> OWN_NAMESPACE = Set.of("PUT /api/v1/journeys/{journey}",
            "POST /api/v1/journeys/{journey}/preview");

    private final String marker = "team-a-only-" + UUID.randomUUID();
    private String teamA;
    private String keyA;
    private String journey;
    private String keyIdA;
    private Map<String, String> values;

    /** Team A, made once (REST Assured knows the test port only once a test runs, so not in @BeforeAll). */
    private void teamAWithAJourneyEventsAGapAcknowledgedAndAKey() throws Exception {
        if (values != null) {
            return;
        }
        teamA = Fixtures.uniqueKey("team-a");
        keyA = TestKeys.newTeam(teamA);
        journey = Fixtures.uniqueKey("a-journey");
        ObjectNode doc = Fixtures.riskSoftware(journey);
        doc.put("description", marker);
        Fixtures.element(doc, "white-paper-mail").remove("owner");
        as(keyA).contentType("application/json").body(doc).put("/api/v1/journeys/{j}", journey).then().statusCode(201);
        ArrayNode events = (ArrayNode) Fixtures.JSON.readTree(Files.readString(Path.of("examples", "risk-software-events.json")));
        ((ObjectNode) events.get(0).get("attributes")).put("note", marker);
        as(keyA).contentType("application/json").body(events).post("/api/v1/journeys/{j}/events", journey).then().statusCode(200);
        as(keyA).contentType("application/json").body(Map.of("reason", marker))
                .put("/api/v1/journeys/{j}/gaps/unowned-response.white-paper-mail/acknowledgement", journey).then().statusCode(201);
        String extraKey = as(keyA).contentType("application/json").body(Map.of("name", marker, "scopes", List.of("reports:read")))
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");
        keyIdA = extraKey.substring(4, 20);
        long version = as(keyA).get("/api/v1/journeys/{j}", journey).then().extract().jsonPath().getLong("version");

        values = Contract.exampleValues(journey, keyIdA, teamA, version);
    }

    @Test
    void everyApiOperationWithoutAKeyIs401ProblemWithABearerChallenge() throws Exception {
        teamAWithAJourneyEventsAGapAcknowledgedAndAKey();
        List<String> failures = new ArrayList<>();
        for (Contract.Operation op : Contract.apiOperations()) {
            Response response = send(anonymous(), op);
            if (response.statusCode() != 401 || !response.contentType().startsWith("application/problem+json")
                    || !String.valueOf(response.header("WWW-Authenticate")).startsWith("Bearer")) {
                failures.add(op + " answered " + response.statusCode() + " " + response.contentType());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void anotherTeamGetsNotFoundOnEveryRouteAndChangesAndSeesNothing() throws Exception {
        teamAWithAJourneyEventsAGapAcknowledgedAndAKey();
        Map<String, String> before = snapshotOfTeamA();
        String keyB = TestKeys.newTeam(Fixtures.uniqueKey("team-b"));
        List<Contract.Operation> operations = new ArrayList<>(Contract.apiOperations());
        operations.sort((x, y) -> Boolean.compare(OWN_NAMESPACE.contains(x.toString()), OWN_NAMESPACE.contains(y.toString())));
        List<String> failures = new ArrayList<>();
        for (Contract.Operation op : operations) {
            Response response = send(as(keyB), op);
            String body = response.asString();
            int status = response.statusCode();
            boolean mayAct = !op.hasPathParameters() || OWN_NAMESPACE.contains(op.toString());
            if (status >= 500 || (status < 300 && !mayAct)) {
                failures.add(op + " answered " + status + ": " + body);
            }
            if (op.hasPathParameters() && !mayAct && status != 404 && status != 403) {
                failures.add(op + " answered " + status + " instead of 404: " + body);
            }
            if (body.contains(marker) || body.contains("crm-1002") || body.contains(teamA + " admin")) {
                failures.add(op + " showed team A's data: " + body);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, snapshotOfTeamA(), "team A's data changed while team B swept the routes");
    }

    /** Team A's view of its journey, gaps, prospect, reports, history and keys. */
    private Map<String, String> snapshotOfTeamA() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        String base = "/api/v1/journeys/" + journey;
        for (String path : List.of(base, base + "/gaps", base + "/prospects/crm-1001", base + "/history",
                base + "/reports/conversion?from=2026-03-01&to=2026-04-01",
                base + "/reports/responses?from=2026-03-01&to=2026-04-01&asOf=2026-05-01T00:00:00Z",
                base + "/reports/responses/open?asOf=2026-05-01T00:00:00Z",
                base + "/reports/stale?asOf=2026-05-01T00:00:00Z", base + "/reports/transitions?asOf=2026-05-01T00:00:00Z",
                base + "/reports/data-quality", base + "/reports/contact-pressure")) {
            Response response = as(keyA).get(path);
            assertEquals(200, response.statusCode(), path + ": " + response.asString());
            snapshot.put(path, response.asString().replaceAll("\"dataThrough\":\"[^\"]*\"", ""));
        }
        Response key = as(keyA).get("/api/v1/keys/" + keyIdA);
        snapshot.put("key", key.jsonPath().getString("name") + " revoked " + key.jsonPath().getString("revokedAt"));
        snapshot.put("team", as(keyA).get("/api/v1/teams/current").jsonPath().getString("name"));
        return snapshot;
    }

    private Response send(RequestSpecification request, Contract.Operation op) {
        String path = op.fill(name -> values.getOrDefault(name, "x"));
        if (op.requestType() != null) {
            request.contentType(op.requestType()).body(ContractBodies.minimal(op, name -> values.getOrDefault(name, "x")).toString());
        }
        return request.request(op.method(), path);
    }
}
