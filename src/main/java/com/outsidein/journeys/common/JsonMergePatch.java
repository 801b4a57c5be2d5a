package com.outsidein.journeys.common;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 7396 JSON merge patch over request records: null removes a field, objects merge, anything else replaces. */
public final class JsonMergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private JsonMergePatch() {
    }

    public static <T> T apply(ObjectMapper mapper, T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("A merge patch must be a JSON object", java.util.List.of());
        }
        ObjectNode target = mapper.valueToTree(current);
        merge(target, (ObjectNode) patch);
        try {
            return mapper.treeToValue(target, type);
        } catch (JsonProcessingException e) {
            throw new PatchedBodyException(e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    /** Carries a Jackson error out of a patch so the problem mapper reports it like a bad body. */
    public static final class PatchedBodyException extends RuntimeException {
        public PatchedBodyException(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause);
        }

        public JsonProcessingException jsonCause() {
            return (JsonProcessingException) getCause();
        }
    }
}
