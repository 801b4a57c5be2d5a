package com.outsidein.journeys.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outsidein.journeys.format.Rfc3339;
import com.outsidein.journeys.format.StorableText;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;

/**
 * Reads a Segment HTTP API body: a batch ({@code /v1/batch}, {@code /v1/import}) or one call. Every bad call
 * is named by its index at once, since Segment's libraries drop a batch a 4xx refused and never send it again.
 * Unknown fields are ignored, as Segment ignores them: CDPs send far more than a journey needs.
 */
final class SegmentCalls {

    /** Segment's own limits: 32 KB a call, 500 KB a batch. */
    static final int MAX_CALL_BYTES = 32 * 1024;
    static final int MAX_BATCH_BYTES = 500 * 1024;
    static final int MAX_PROSPECT = 200;
    static final int MAX_MESSAGE_ID = 200;
    static final int MAX_ATTRIBUTES = 50;
    static final Set<String> TYPES = Set.of("identify", "track", "page", "screen", "group", "alias");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private SegmentCalls() {
    }

    /** A batch body's calls, each checked; {@code receivedAt} corrects the senders' clocks. */
    static List<SegmentCall> batch(byte[] body, OffsetDateTime receivedAt) {
        if (body.length > MAX_BATCH_BYTES) {
            throw tooLarge("A batch may have at most " + MAX_BATCH_BYTES + " bytes (500 KB, as Segment's API); this one has "
                    + body.length + ". Send smaller batches (Segment's libraries flush well under it)");
        }
        List<JsonNode> calls = new ArrayList<>();
        JsonNode sentAt = null;
        try (JsonParser parser = FACTORY.createParser(body)) {
            parser.setCodec(JSON);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("A batch is a JSON object {\"batch\": [...], \"sentAt\": ...}");
            }
            boolean sawBatch = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("batch") && value == JsonToken.START_ARRAY) {
                    sawBatch = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        long start = parser.currentTokenLocation().getByteOffset();
                        JsonNode call = parser.readValueAsTree();
                        long end = parser.currentLocation().getByteOffset();
                        if (end - start > MAX_CALL_BYTES) {
                            throw tooLarge("batch[" + calls.size() + "] has " + (end - start) + " bytes; a call may have at most "
                                    + MAX_CALL_BYTES + " (32 KB, as Segment's API)");
                        }
                        calls.add(call);
                    }
                } else if (field.equals("sentAt")) {
                    sentAt = parser.readValueAsTree();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw malformed("Nothing may follow the batch object");
            }
            if (!sawBatch) {
                throw ProblemException.badRequest("A batch needs \"batch\": an array of calls",
                        List.of(new FieldError("batch", "is required and must be an array")));
            }
        } catch (IOException e) {
            throw malformed("The body is not valid JSON: " + firstLine(e));
        }
        List<FieldError> errors = new ArrayList<>();
        List<SegmentCall> read = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            SegmentCall call = call(calls.get(i), null, i, "batch[" + i + "]", sentAt, receivedAt, errors);
            if (call != null) {
                read.add(call);
            }
        }
        return checked(read, errors);
    }

    /** One call's body ({@code /v1/track}, {@code /v1/identify}, {@code /v1/page}), whose path gives its type. */
    static SegmentCall single(byte[] body, String type, OffsetDateTime receivedAt) {
        if (body.length > MAX_CALL_BYTES) {
            throw tooLarge("A call may have at most " + MAX_CALL_BYTES + " bytes (32 KB, as Segment's API); this one has "
                    + body.length);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw malformed("The body is not valid JSON: " + firstLine(e));
        }
        if (node == null || !node.isObject()) {
            throw malformed("A call is a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        SegmentCall call = call(node, type, -1, "", node.get("sentAt"), receivedAt, errors);
        checked(List.of(), errors);
        return call;
    }

    private static List<SegmentCall> checked(List<SegmentCall> calls, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem" + (errors.size() == 1 ? "" : "s")
                    + " in the calls; nothing was stored", errors);
        }
        return calls;
    }

    private static SegmentCall call(JsonNode node, String pathType, int index, String at, JsonNode batchSentAt,
            OffsetDateTime receivedAt, List<FieldError> errors) {
        String prefix = at.isEmpty() ? "" : at + ".";
        if (!node.isObject()) {
            errors.add(new FieldError(at.isEmpty() ? "body" : at, "must be a call object"));
            return null;
        }
        int before = errors.size();
        String type = pathType != null ? pathType : text(node, "type");
        if (type == null || !TYPES.contains(type)) {
            errors.add(new FieldError(prefix + "type", "must be one of identify, track, page, screen, group, alias"));
        } else if (pathType != null && node.has("type") && !pathType.equals(text(node, "type"))) {
            // The path says which call it is; a body that says otherwise was sent to the wrong place.
            errors.add(new FieldError("type", "must be '" + pathType + "' (or absent) at /v1/" + pathType));
        }
        String person = text(node, "userId");
        if (person == null || person.isBlank()) {
            person = text(node, "anonymousId");
        }
        if (person == null || person.isBlank()) {
            errors.add(new FieldError(prefix + "userId", "userId or anonymousId is required"));
        } else if (person.length() > MAX_PROSPECT) {
            errors.add(new FieldError(prefix + "userId", "must be at most " + MAX_PROSPECT + " characters"));
        } else if (StorableText.problem(person) != null) {
            errors.add(new FieldError(prefix + "userId", StorableText.problem(person)));
        }
        JsonNode properties = node.path("properties");
        if (!properties.isObject()) {
            properties = JsonNodeFactory.instance.objectNode();
        }
        String name = null;
        if ("track".equals(type)) {
            name = text(node, "event");
            if (name == null || name.isBlank()) {
                errors.add(new FieldError(prefix + "event", "is required for a track call"));
            }
        } else if ("page".equals(type) || "screen".equals(type)) {
            name = text(node, "name");
            if (name == null) {
                name = text(properties, "name");
            }
        }
        String messageId = text(node, "messageId");
        if (messageId != null && messageId.length() > MAX_MESSAGE_ID) {
            errors.add(new FieldError(prefix + "messageId", "must be at most " + MAX_MESSAGE_ID + " characters"));
        }
        Map<String, String> traits = new LinkedHashMap<>();
        flatten("", node.path("context").path("traits"), traits);
        if ("identify".equals(type)) {
            flatten("", node.path("traits"), traits);
        }
        checkTraits(traits, prefix, errors);
        OffsetDateTime occurredAt = time(node, prefix, batchSentAt, receivedAt, errors);
        if (errors.size() > before) {
            return null;
        }
        return new SegmentCall(index, type, person, name, properties, traits,
                messageId != null && !messageId.isBlank() ? messageId : contentId(node), occurredAt);
    }

    /**
     * Segment's clock-skew correction: {@code timestamp - (sentAt - receivedAt)} when the sender said when it
     * sent, else {@code timestamp}, else the time received. The call's own {@code sentAt} wins over the batch's.
     */
    private static OffsetDateTime time(JsonNode node, String prefix, JsonNode batchSentAt, OffsetDateTime receivedAt,
            List<FieldError> errors) {
        OffsetDateTime timestamp = parse(node.get("timestamp"), prefix + "timestamp", errors);
        JsonNode sentAtNode = node.hasNonNull("sentAt") ? node.get("sentAt") : batchSentAt;
        OffsetDateTime sentAt = parse(sentAtNode, node.hasNonNull("sentAt") ? prefix + "sentAt" : "sentAt", errors);
        OffsetDateTime at = timestamp == null ? receivedAt
                : sentAt == null ? timestamp : timestamp.minus(Duration.between(receivedAt, sentAt));
        at = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(receivedAt.plusDays(1))) {
            errors.add(new FieldError(prefix + "timestamp", "is more than a day in the future, even after the sentAt correction"));
        } else if (at.toInstant().isBefore(Instant.EPOCH)) {
            errors.add(new FieldError(prefix + "timestamp", "must be 1970-01-01T00:00:00Z or later"));
        }
        return at;
    }

    private static OffsetDateTime parse(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isTextual()) {
                return Rfc3339.parse(value.textValue());
            }
        } catch (DateTimeParseException bad) {
            // reported below
        }
        errors.add(new FieldError(field, "must be an ISO 8601 time with an offset, e.g. 2026-03-02T09:15:00.000Z"));
        return null;
    }

    /**
     * Traits as attributes: text stays text, numbers and booleans become their JSON text, nested objects are
     * flattened with dots ({@code address.city}), arrays are kept as JSON text, and nulls are left out.
     */
    static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            String name = prefix + field.getKey();
            if (value.isObject()) {
                flatten(name + ".", value, into);
            } else if (!value.isNull() && !value.isMissingNode()) {
                into.put(name, value.isTextual() ? value.textValue() : value.toString());
            }
        }
    }

    static void checkTraits(Map<String, String> traits, String prefix, List<FieldError> errors) {
        if (traits.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError(prefix + "traits", "at most " + MAX_ATTRIBUTES + " traits (after flattening nested "
                    + "objects); a prospect keeps at most " + MAX_ATTRIBUTES + " attributes"));
        }
        traits.forEach((name, value) -> {
            if (name.isBlank() || name.length() > 100) {
                errors.add(new FieldError(prefix + "traits", "trait names must be 1 to 100 characters"));
            } else if (value.length() > 1000) {
                errors.add(new FieldError(prefix + "traits." + name, "must be at most 1000 characters"));
            } else if (StorableText.problem(name) != null || StorableText.problem(value) != null) {
                // Traits become stored attributes: what PostgreSQL or the map cannot carry is refused, not mangled.
                errors.add(new FieldError(prefix + "traits", "a trait name or value "
                        + (StorableText.problem(name) != null ? StorableText.problem(name) : StorableText.problem(value))));
            }
        });
    }

    /** A text field, or null when absent; numbers become text (some sources send numeric user ids). */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    /** A call sent without a messageId is known by its content (sentAt aside), so its re-send is still a duplicate. */
    private static String contentId(JsonNode node) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove("sentAt");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(copy.toString().getBytes(StandardCharsets.UTF_8));
            return "content:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static ProblemException malformed(String detail) {
        return ProblemException.badRequest(detail, List.of());
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "request-entity-too-large", "Request Entity Too Large", detail, List.of());
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
