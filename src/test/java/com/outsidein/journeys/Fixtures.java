package com.outsidein.journeys;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Shared test data: the shipped examples, unique keys, and a few request shortcuts. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    /** A key no other test uses, so tests share one database without seeing each other's journeys. */
    public static String uniqueKey(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    public static ObjectNode example(String name) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Path.of("examples", name + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The risk-software example with its key set to {@code key}. */
    public static ObjectNode riskSoftware(String key) {
        ObjectNode doc = example("risk-software-journey");
        doc.put("key", key);
        return doc;
    }

    public static ValidatableResponse putJourney(String key, Object body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/v1/journeys/{key}", key).then();
    }

    /** Creates the risk-software example under a fresh key and answers that key. */
    public static String createRiskSoftware(String prefix) {
        String key = uniqueKey(prefix);
        putJourney(key, riskSoftware(key)).statusCode(201);
        return key;
    }

    /**
     * Where an element sits in a document, found by its key rather than assumed: a step, touchpoint or
     * action key gives e.g. {@code steps[1].actions[0]}; {@code from->to} gives the transition, and
     * {@code from->to:TYPE} its condition of that type. Tests name what they change by key, so editing
     * an example's order does not silently retarget them.
     */
    public static String pathOf(JsonNode doc, String key) {
        if (key.contains("->")) {
            String[] ends = key.split("->|:");
            JsonNode transitions = doc.path("transitions");
            for (int i = 0; i < transitions.size(); i++) {
                JsonNode t = transitions.get(i);
                if (t.path("from").asText().equals(ends[0]) && t.path("to").asText().equals(ends[1])) {
                    if (ends.length == 2) {
                        return "transitions[" + i + "]";
                    }
                    for (int c = 0; c < t.path("conditions").size(); c++) {
                        if (t.path("conditions").get(c).path("type").asText().equals(ends[2])) {
                            return "transitions[" + i + "].conditions[" + c + "]";
                        }
                    }
                }
            }
            throw new IllegalArgumentException("no " + key + " in the document");
        }
        JsonNode steps = doc.path("steps");
        for (int s = 0; s < steps.size(); s++) {
            if (steps.get(s).path("key").asText().equals(key)) {
                return "steps[" + s + "]";
            }
            for (String kind : java.util.List.of("touchpoints", "actions")) {
                JsonNode elements = steps.get(s).path(kind);
                for (int e = 0; e < elements.size(); e++) {
                    if (elements.get(e).path("key").asText().equals(key)) {
                        return "steps[" + s + "]." + kind + "[" + e + "]";
                    }
                }
            }
        }
        throw new IllegalArgumentException("no " + key + " in the document");
    }

    /** The element {@link #pathOf} finds, to change in place. */
    public static ObjectNode element(JsonNode doc, String key) {
        return (ObjectNode) doc.at("/" + pathOf(doc, key).replace("[", "/").replace("]", "").replace(".", "/"));
    }

    public static Map<String, Object> asMap(Object node) {
        return JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }
}
