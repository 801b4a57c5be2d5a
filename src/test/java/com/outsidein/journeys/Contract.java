package com.outsidein.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The operations of the committed {@code openapi/openapi.yaml}, so tests cover new endpoints without being edited. */
public final class Contract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static JsonNode document;

    /** One operation: method, path template, its request media type (or null) and the scopes it needs. */
    public record Operation(String method, String path, String requestType, boolean arrayBody, List<String> scopes,
            boolean authenticated, JsonNode node) {

        /** The path with each {name} replaced by the value the function gives for that name. */
        public String fill(java.util.function.Function<String, String> values) {
            Matcher matcher = PARAMETER.matcher(path);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(values.apply(matcher.group(1))));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        public boolean hasPathParameters() {
            return path.contains("{");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private Contract() {
    }

    /**
     * A value for every path parameter of the contract, naming things of the risk-software example and
     * its events in {@code journey}: what route-sweeping tests fill the paths with.
     */
    public static Map<String, String> exampleValues(String journey, String keyId, String team, long version) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("journey", journey);
        values.put("step", "researches-risk");
        values.put("touchpoint", "white-paper-mail");
        values.put("action", "requests-white-paper");
        values.put("from", "researches-risk");
        values.put("to", "compares-vendors");
        values.put("gap", "unowned-response.white-paper-mail");
        values.put("prospect", "crm-1001");
        values.put("id", keyId);
        values.put("team", team);
        values.put("version", Long.toString(version));
        values.put("message", "msg_none");
        return values;
    }

    public static synchronized JsonNode document() {
        if (document == null) {
            try {
                document = YAML.readTree(Files.readString(Path.of("openapi", "openapi.yaml")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }

    /** Every operation under /api, in the contract's order. */
    public static List<Operation> apiOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode op = method.getValue();
                if (!op.has("responses")) {
                    continue;
                }
                String requestType = null;
                boolean array = false;
                JsonNode content = op.path("requestBody").path("content");
                if (content.isObject() && content.size() > 0) {
                    Map.Entry<String, JsonNode> first = content.fields().next();
                    requestType = first.getKey();
                    array = "array".equals(resolve(first.getValue().path("schema")).path("type").asText());
                }
                List<String> scopes = new ArrayList<>();
                boolean authenticated = false;
                for (JsonNode requirement : op.path("security")) {
                    authenticated |= requirement.size() > 0;
                }
                op.path("x-required-scopes").forEach(scope -> scopes.add(scope.asText()));
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), requestType,
                        array, scopes, authenticated, op));
            }
        }
        return operations;
    }

    /** Follows a $ref to its schema. */
    public static JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        return document().at(ref.asText().substring(1));
    }
}
