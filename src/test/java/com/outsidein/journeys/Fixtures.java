package com.outsidein.journeys;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

    public static Map<String, Object> asMap(Object node) {
        return JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }
}
