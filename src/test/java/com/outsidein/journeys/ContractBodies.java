package com.outsidein.journeys;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The smallest body the contract's schema accepts field by field: required properties from their
 * examples, enums, formats and patterns (every property with an example when the schema requires none).
 * Such a body passes field validation, so what a test probes is what comes after it.
 */
public final class ContractBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContractBodies() {
    }

    /**
     * A body for a request to a filled path: a PUT body names the element of its path (its key, or its
     * from and to), as the API requires.
     */
    public static JsonNode minimal(Contract.Operation op, java.util.function.Function<String, String> pathValues) {
        JsonNode body = minimal(op);
        if (body instanceof ObjectNode object && "PUT".equals(op.method()) && op.hasPathParameters()) {
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path());
            String last = null;
            while (names.find()) {
                last = names.group(1);
                if (object.has(last)) {
                    object.put(last, pathValues.apply(last));
                }
            }
            if (object.has("key") && last != null) {
                object.put("key", pathValues.apply(last));
            }
        }
        return body;
    }

    /** A body for an operation's request, or null when it takes none. */
    public static JsonNode minimal(Contract.Operation op) {
        if (op.requestType() == null) {
            return null;
        }
        if (op.requestType().contains("merge-patch") || "PATCH".equals(op.method())) {
            return NODES.objectNode().put("description", "written by a test");
        }
        JsonNode content = op.node().path("requestBody").path("content").path(op.requestType()).path("schema");
        return value(Contract.resolve(content), 0);
    }

    private static JsonNode value(JsonNode schema, int depth) {
        schema = Contract.resolve(schema);
        JsonNode example = example(schema);
        if (example != null && !schema.path("type").asText().equals("object")) {
            return example;
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth > 4) {
                    return object;
                }
                JsonNode required = schema.get("required");
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    // A key the path may supply is optional in the schema but described as required elsewhere.
                    boolean wanted = required == null ? example(Contract.resolve(property.getValue())) != null
                            : contains(required, property.getKey())
                                    || property.getValue().path("description").asText().startsWith("Required");
                    if (wanted && !property.getKey().equals("version")) {
                        object.set(property.getKey(), value(property.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (schema.path("minItems").asInt(0) > 0 || depth == 0) {
                    array.add(value(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer":
            case "number":
                return NODES.numberNode(schema.path("minimum").asLong(1));
            case "boolean":
                return NODES.booleanNode(true);
            default:
                if ("date-time".equals(schema.path("format").asText())) {
                    return NODES.textNode(TestClock.current().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                }
                if ("uuid".equals(schema.path("format").asText())) {
                    return NODES.textNode(java.util.UUID.randomUUID().toString());
                }
                return NODES.textNode("written-by-a-test");
        }
    }

    /** The schema's example: OpenAPI 3.1 lists them under examples, 3.0 has one under example. */
    static JsonNode example(JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        return schema.path("examples").isArray() && schema.get("examples").size() > 0 ? schema.get("examples").get(0) : null;
    }

    private static boolean contains(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (item.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
