package com.outsidein.journeys.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/** The committed contract must be what the code serves; regenerate it with the command in the README. */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void committedOpenApiMatchesTheCode() throws Exception {
        JsonNode committed = YAML.readTree(Files.readString(Path.of("openapi", "openapi.yaml")));
        JsonNode served = YAML.readTree(given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<String> differences = new ArrayList<>();
        diff("", served, committed, differences);
        assertTrue(differences.isEmpty(), "openapi/openapi.yaml is out of date (" + differences.size()
                + " differences, first: " + differences.subList(0, Math.min(5, differences.size()))
                + "); run 'mvn package -DskipTests && cp target/openapi/openapi.yaml openapi/' and commit it");
    }

    private static void diff(String at, JsonNode served, JsonNode committed, List<String> differences) {
        if (served.isObject() && committed.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            served.fieldNames().forEachRemaining(names::add);
            committed.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!served.has(name) || !committed.has(name)) {
                    differences.add(at + "/" + name + (served.has(name) ? " only in the code" : " only in the file"));
                } else {
                    diff(at + "/" + name, served.get(name), committed.get(name), differences);
                }
            }
        } else if (!served.equals(committed)) {
            differences.add(at);
        }
    }

    /**
     * What each resource method declares, which no filter fills in: a unique verb-noun operationId, a
     * summary and a description, and a schema for every success answer that has a body. (Whether the
     * answers really look so is checked on every request of the suite by ContractValidationFilter.)
     */
    @Test
    void everyApiOperationIsCompleteForAGeneratedClient() throws Exception {
        JsonNode served = YAML.readTree(given().accept("application/yaml").get("/q/openapi").then().extract().asString());
        List<String> missing = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.regex.Pattern verbNoun = java.util.regex.Pattern.compile(
                "(get|list|put|patch|delete|create|ingest|reorder|revoke|preview)[A-Z][A-Za-z]+");
        served.get("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (!verbNoun.matcher(id).matches() || !ids.add(id)) {
                    missing.add(name + ": operationId '" + id + "' missing, repeated or not verb-noun");
                }
                for (String field : List.of("summary", "description")) {
                    if (op.getValue().path(field).asText("").isBlank()) {
                        missing.add(name + ": " + field);
                    }
                }
                op.getValue().path("responses").fields().forEachRemaining(response -> {
                    boolean bodiless = List.of("204", "304").contains(response.getKey());
                    if (response.getKey().startsWith("2") && !bodiless) {
                        JsonNode content = response.getValue().path("content");
                        if (!content.isObject() || content.size() == 0) {
                            missing.add(name + ": " + response.getKey() + " has no content");
                        }
                        content.fields().forEachRemaining(media -> {
                            if (!media.getValue().has("schema")) {
                                missing.add(name + ": " + response.getKey() + " " + media.getKey() + " has no schema");
                            }
                        });
                    }
                });
            });
        });
        assertTrue(missing.isEmpty(), "incomplete operations: " + missing);
        assertTrue(served.at("/paths/~1api~1v1~1journeys~1{journey}/put/responses").has("200"), "a replacing PUT answers 200");
        assertFalse(served.at("/components/schemas/Journey/properties/steps").isMissingNode());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
