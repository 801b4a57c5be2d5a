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

    @Test
    void everyApiOperationHasASummaryAndDocumentsItsProblems() throws Exception {
        JsonNode served = YAML.readTree(given().accept("application/yaml").get("/q/openapi").then().extract().asString());
        List<String> missing = new ArrayList<>();
        served.get("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (!op.getValue().hasNonNull("summary")) {
                    missing.add(name + ": summary");
                }
                JsonNode responses = op.getValue().get("responses");
                if (!responses.has("400") || !responses.has("503")) {
                    missing.add(name + ": 400/503");
                }
                if (responses.has("404") && !responses.get("404").at("/content/application~1problem+json/example").isObject()) {
                    missing.add(name + ": 404 example");
                }
            });
        });
        assertTrue(missing.isEmpty(), "incomplete operations: " + missing);
        assertFalse(served.at("/components/schemas/Journey/properties/steps").isMissingNode());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
