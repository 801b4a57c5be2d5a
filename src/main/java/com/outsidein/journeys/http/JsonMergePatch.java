package com.outsidein.journeys.http;

import com.outsidein.journeys.problem.PatchedBodyException;
import com.outsidein.journeys.problem.ProblemException;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
        JsonNode patched = merge(mapper.valueToTree(current), patch);
        try {
            return mapper.treeToValue(patched, type);
        } catch (JsonProcessingException e) {
            throw new PatchedBodyException(e);
        }
    }

    /**
     * RFC 7396 section 2, as its pseudo-code says: an object patch makes a non-object target an empty object
     * first, null removes a member, and a nested object patch is merged (its nulls removing, never stored).
     * Returns the result; {@code target} may be changed in place.
     */
    public static JsonNode merge(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
