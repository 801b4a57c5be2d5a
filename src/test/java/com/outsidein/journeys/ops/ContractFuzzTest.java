package com.outsidein.journeys.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Hostile requests generated from the committed contract, so a new operation is fuzzed without editing
 * this test: for every operation, each path and query parameter and each body field takes hostile values
 * (control characters, huge and malformed numbers, wrong types, deep nesting, duplicate keys), chosen by
 * a fixed seed ({@code -Dfuzz.seed} to vary it). No answer may be a 5xx, every 4xx is problem+json, and
 * a refused design write leaves the journey's ETag as it was. Every answer is also checked against the
 * contract by the suite's ContractValidationFilter.
 */
@QuarkusTest
class ContractFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final int MINIMUM_REQUESTS = 2000;

    private static final List<String> HOSTILE_TEXT = List.of("", " ", "\u0000", "a\u0000b", "\u0007bell", "\u001b[31mred",
            "\u007f", "null", "undefined", "../../etc/passwd", "%00", "%", "%%zz", "' or 1=1 --", "\"; drop table prospect; --",
            "<svg onload=alert(1)>", "=HYPERLINK(\"http://evil.example\")", "\u202eevil", "\uD83D\uDE00 emoji", "x".repeat(5000),
            "-1", "0", "99999999999999999999", "1e309", "NaN", "-Infinity", "true", "2026-13-45T25:61:61Z",
            "0000-01-01T00:00:00Z", "P-1D", "PT0S", "P99999999999999999D", "P1Y", "a/b", "a?b=c", "a#b", "café");

    private static final List<String> HOSTILE_JSON = List.of("null", "0", "-1", "1e309", "99999999999999999999999",
            "-9223372036854775809", "1.5", "true", "\"\"", "\"\\u0000\"", "\"\\u0001\"", "\"\\ud800\"", "[]", "{}", "[null]",
            "\"" + "y".repeat(10_000) + "\"", "\"P-1D\"", "\"-0001-01-01T00:00:00Z\"", "\"1969-12-31T23:59:59Z\"",
            "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]", "{\"nested\":{\"deeper\":{\"deepest\":[1,2,3]}}}");

    private static final List<String> HOSTILE_BODIES = List.of("", "{", "[", "null", "0", "\"text\"", "[]", "{}",
            "{\"a\":1,\"a\":2}", "{\"name\":\"x\",\"name\":\"y\"}", "[1,2,3]", "{\"steps\":{}}", "\u0000",
            "[".repeat(3000) + "]".repeat(3000), "{\"x\":" + "[".repeat(1500) + "]".repeat(1500) + "}",
            "{\"name\":\"" + "z".repeat(20_000) + "\"}", "{} trailing", "\uFEFF{}");

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private Map<String, String> values;
    private String journey;
    private String original;
    private int sent;

    @Test
    void hostileRequestsNeverGet5xxAndRefusedWritesChangeNothing() throws Exception {
        setUp();
        for (Contract.Operation op : Contract.apiOperations()) {
            fuzzPathParameters(op);
            fuzzQueryParameters(op);
            if (op.requestType() != null) {
                fuzzBodyFields(op);
                fuzzWholeBodies(op);
            }
            restoreTheJourney();
        }
        System.out.printf("Contract fuzz: %d hostile requests over %d operations, seed %d%n", sent,
                Contract.apiOperations().size(), SEED);
        assertTrue(failures.isEmpty(), failures.size() + " failures (seed " + SEED + "):\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        assertTrue(sent >= MINIMUM_REQUESTS, "only " + sent + " requests");
    }

    /** A journey with events and an acknowledged gap, and keys enough that no rate limit is reached. */
    private void setUp() throws Exception {
        journey = Fixtures.createRiskSoftware("fuzz");
        ObjectNode document = (ObjectNode) Fixtures.JSON.readTree(given().get("/api/v1/journeys/{j}", journey).then()
                .statusCode(200).extract().asString());
        document.remove("version");
        original = document.toString();
        JsonNode events = Fixtures.JSON.readTree(Files.readString(Path.of("examples", "risk-software-events.json")));
        given().contentType("application/json").body(events).post("/api/v1/journeys/{j}/events", journey).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            keys.add(TestKeys.create("fuzz " + i, "journeys:read", "journeys:write", "events:write", "reports:read",
                    "keys:admin"));
        }
        values = Contract.exampleValues(journey, keys.get(0).substring(4, 20), "default", 1);
    }

    private void fuzzPathParameters(Contract.Operation op) {
        for (String name : parameterNames(op, "path")) {
            for (String hostile : pick(HOSTILE_TEXT, 12)) {
                String path = op.fill(n -> URLEncoder.encode(n.equals(name) ? hostile : values.get(n), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
                send(op, path, Map.of(), body(op), "application/json", "path " + name + "=" + shorten(hostile));
            }
        }
    }

    private void fuzzQueryParameters(Contract.Operation op) {
        for (String name : parameterNames(op, "query")) {
            for (String hostile : pick(HOSTILE_TEXT, 14)) {
                send(op, validPath(op), Map.of(name, hostile), body(op), "application/json",
                        "query " + name + "=" + shorten(hostile));
            }
        }
    }

    /** Each field of the operation's minimal body, and of its first nested element, with hostile JSON. */
    private void fuzzBodyFields(Contract.Operation op) {
        JsonNode minimal = ContractBodies.minimal(op, values::get);
        if (minimal == null || !minimal.isContainerNode()) {
            return;
        }
        List<String> pointers = new ArrayList<>();
        collectFields(minimal, "", pointers, 0);
        for (String pointer : pointers) {
            for (String hostile : pick(HOSTILE_JSON, 8)) {
                String body = replaceAt(minimal, pointer, hostile);
                send(op, validPath(op), Map.of(), body, op.requestType(), "body " + pointer + "=" + shorten(hostile));
            }
        }
    }

    private void fuzzWholeBodies(Contract.Operation op) {
        for (String hostile : pick(HOSTILE_BODIES, 8)) {
            send(op, validPath(op), Map.of(), hostile, op.requestType(), "body " + shorten(hostile));
        }
        send(op, validPath(op), Map.of(), body(op), "text/plain", "content type text/plain");
        send(op, validPath(op), Map.of(), body(op), "application/xml", "content type application/xml");
        send(op, validPath(op), Map.of(), new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                '"', '}' }, op.requestType(), "invalid UTF-8");
    }

    private void send(Contract.Operation op, String path, Map<String, String> query, Object body, String contentType,
            String what) {
        boolean designWrite = !op.method().equals("GET") && op.path().startsWith("/api/v1/journeys/{journey}")
                && !op.path().endsWith("/events") && !op.path().endsWith("/preview");
        String before = designWrite ? etag() : null;
        RequestSpecification request = given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + keys.get(sent % keys.size()));
        query.forEach((name, value) -> request.queryParam(name, URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (body != null && op.requestType() != null) {
            request.contentType(contentType);
            if (body instanceof byte[] bytes) {
                request.body(bytes);
            } else {
                request.body(body.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        Response response;
        try {
            response = request.request(op.method(), path);
        } catch (AssertionError contract) {
            failures.add(op + " with " + what + ": " + contract.getMessage());
            sent++;
            return;
        }
        sent++;
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(op + " with " + what + " answered " + status + ": " + shorten(response.asString()));
        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(op + " with " + what + " answered " + status + " as " + response.contentType());
        } else if (designWrite && status >= 400 && before != null && !before.equals(etag())) {
            failures.add(op + " with " + what + " was refused (" + status + ") but changed the journey");
        }
    }

    /** Accepted hostile values (an empty description, no steps) change the journey; the next operation starts afresh. */
    private void restoreTheJourney() {
        given().header("Authorization", "Bearer " + TestKeys.BOOTSTRAP).contentType("application/json").body(original)
                .put("/api/v1/journeys/{j}", journey).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private String etag() {
        return given().header("Authorization", "Bearer " + TestKeys.BOOTSTRAP).get("/api/v1/journeys/{j}", journey)
                .then().extract().header("ETag");
    }

    private String validPath(Contract.Operation op) {
        return op.fill(n -> URLEncoder.encode(values.get(n), StandardCharsets.UTF_8));
    }

    private String body(Contract.Operation op) {
        JsonNode body = ContractBodies.minimal(op, values::get);
        return body == null ? null : body.toString();
    }

    private static List<String> parameterNames(Contract.Operation op, String in) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : op.node().path("parameters")) {
            if (in.equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    private static void collectFields(JsonNode node, String at, List<String> pointers, int depth) {
        if (depth > 2) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String pointer = at + "/" + field.getKey();
                pointers.add(pointer);
                collectFields(field.getValue(), pointer, pointers, depth + 1);
            }
        } else if (node.isArray() && node.size() > 0) {
            pointers.add(at + "/0");
            collectFields(node.get(0), at + "/0", pointers, depth + 1);
        }
    }

    /** The body with the value at the JSON pointer replaced by raw JSON text (which may not parse as JSON). */
    private static String replaceAt(JsonNode body, String pointer, String rawJson) {
        JsonNode copy = body.deepCopy();
        String marker = "__fuzz_" + Math.abs(pointer.hashCode()) + "__";
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode container = parent.isEmpty() ? copy : copy.at(parent);
        if (container instanceof ObjectNode object) {
            object.put(last, marker);
        } else if (container instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), array.textNode(marker));
        }
        return copy.toString().replace("\"" + marker + "\"", rawJson);
    }

    private List<String> pick(List<String> from, int count) {
        List<String> shuffled = new ArrayList<>(from);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    private static String shorten(String text) {
        String visible = text.replaceAll("\\p{Cntrl}", "?");
        return visible.length() > 60 ? visible.substring(0, 60) + "...(" + text.length() + ")" : visible;
    }
}
