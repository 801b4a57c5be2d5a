package com.outsidein.journeys.security;

import static com.outsidein.journeys.TestKeys.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Contract;
import com.outsidein.journeys.ContractBodies;
import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Each scope allows exactly its operations; every other key gets 403 naming the scope. */
@QuarkusTest
class ScopeTableTest {

    /** The rule the API follows, written independently of the code: what kind of work an operation is. */
    static List<String> expectedScopes(Contract.Operation op) {
        String path = op.path();
        if (path.startsWith("/api/v1/webhooks")) {
            return List.of(Scopes.WEBHOOKS_ADMIN);
        }
        if (path.startsWith("/api/v1/keys")) {
            return List.of(Scopes.KEYS_ADMIN);
        }
        if (path.equals("/api/v1/teams/current")) {
            return List.of();
        }
        if (path.startsWith("/api/v1/teams")) {
            return List.of(Scopes.TEAMS_ADMIN);
        }
        if (path.contains("/reports/") || path.contains("/prospects/")) {
            return List.of(Scopes.REPORTS_READ);
        }
        if (path.endsWith("/events") || path.startsWith("/api/v1/sources/")) {
            return List.of(Scopes.EVENTS_WRITE);
        }
        if (op.method().equals("GET") || path.endsWith("/preview")) {
            return List.of(Scopes.JOURNEYS_READ);
        }
        return List.of(Scopes.JOURNEYS_WRITE);
    }

    @Test
    void theContractDeclaresTheScopeOfEachKindOfWork() {
        List<String> wrong = new ArrayList<>();
        for (Contract.Operation op : Contract.apiOperations()) {
            if (!op.authenticated() || !op.scopes().equals(expectedScopes(op))) {
                wrong.add(op + " declares " + op.scopes() + " (authenticated: " + op.authenticated() + "), expected "
                        + expectedScopes(op));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void eachScopeAllowsExactlyItsOperations() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String scope : Scopes.ALL) {
            keys.put(scope, TestKeys.create("only " + scope, scope));
        }
        String journey = Fixtures.createRiskSoftware("scopes");
        Map<String, String> values = Map.of("journey", journey, "step", "decides", "touchpoint", "proposal-meeting",
                "action", "asks-for-contract", "from", "compares-vendors", "to", "decides", "prospect", "nobody",
                "gap", "no-such-gap", "team", "default", "id", "a".repeat(16));
        List<String> wrong = new ArrayList<>();
        for (Contract.Operation op : Contract.apiOperations()) {
            for (Map.Entry<String, String> key : keys.entrySet()) {
                Response response = send(as(key.getValue()), op, values);
                boolean allowed = op.scopes().isEmpty() || op.scopes().contains(key.getKey());
                int status = response.statusCode();
                boolean scopeRefusal = status == 403 && response.asString().contains("This operation needs the scope");
                if (allowed && (status == 401 || scopeRefusal)) {
                    wrong.add(op + " refused " + key.getKey() + ": " + response.asString());
                } else if (!allowed && (!scopeRefusal || !response.contentType().startsWith("application/problem+json")
                        || !response.jsonPath().getString("detail").contains("'" + op.scopes().get(0) + "'"))) {
                    wrong.add(op + " answered " + key.getKey() + " with " + status + ": " + response.asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(7, keys.size());
    }

    private static Response send(RequestSpecification request, Contract.Operation op, Map<String, String> values) {
        String path = op.fill(name -> values.getOrDefault(name, "x"));
        if (op.requestType() != null) {
            request.contentType(op.requestType()).body(ContractBodies.minimal(op, name -> values.getOrDefault(name, "x")).toString());
        }
        return request.request(op.method(), path);
    }
}
