package com.outsidein.journeys.journey.history;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.StepDocument;
import com.outsidein.journeys.journey.TransitionDocument;

/**
 * Compares two documents element by element, each element keyed as the API names it, so a moved step
 * is a changed position, not a removal and an addition. Fields are compared as their JSON values.
 */
final class JourneyDiffer {

    private JourneyDiffer() {
    }

    static JourneyDiff diff(ObjectMapper json, String journey, long fromVersion, JourneyDocument from, long toVersion,
            JourneyDocument to) {
        List<JourneyDiff.ElementChange> changes = new ArrayList<>();
        compare("journey", header(json, from), header(json, to), changes);
        compare("step", steps(json, from), steps(json, to), changes);
        compare("touchpoint", elements(json, from, "touchpoints"), elements(json, to, "touchpoints"), changes);
        compare("action", elements(json, from, "actions"), elements(json, to, "actions"), changes);
        compare("transition", transitions(json, from), transitions(json, to), changes);
        return new JourneyDiff(journey, fromVersion, toVersion, changes);
    }

    private static Map<String, ObjectNode> header(ObjectMapper json, JourneyDocument doc) {
        ObjectNode node = json.valueToTree(doc);
        node.remove(List.of("key", "version", "steps", "transitions"));
        return Map.of(doc.key() == null ? "" : doc.key(), node);
    }

    private static Map<String, ObjectNode> steps(ObjectMapper json, JourneyDocument doc) {
        Map<String, ObjectNode> steps = new LinkedHashMap<>();
        for (int i = 0; i < doc.steps().size(); i++) {
            ObjectNode node = json.valueToTree(doc.steps().get(i));
            node.remove(List.of("key", "touchpoints", "actions"));
            node.put("position", i);
            steps.put(doc.steps().get(i).key(), node);
        }
        return steps;
    }

    /** Touchpoints or actions, keyed alone (their keys are unique in a journey), with the step they are in. */
    private static Map<String, ObjectNode> elements(ObjectMapper json, JourneyDocument doc, String kind) {
        Map<String, ObjectNode> elements = new LinkedHashMap<>();
        for (StepDocument step : doc.steps()) {
            ObjectNode stepNode = json.valueToTree(step);
            for (JsonNode element : stepNode.path(kind)) {
                ObjectNode node = ((ObjectNode) element).deepCopy();
                String key = node.path("key").asText();
                node.remove("key");
                node.put("step", step.key());
                elements.put(key, node);
            }
        }
        return elements;
    }

    private static Map<String, ObjectNode> transitions(ObjectMapper json, JourneyDocument doc) {
        Map<String, ObjectNode> transitions = new LinkedHashMap<>();
        for (TransitionDocument transition : doc.transitions()) {
            ObjectNode node = json.valueToTree(transition);
            node.remove(List.of("from", "to"));
            transitions.put(transition.from() + "->" + transition.to(), node);
        }
        return transitions;
    }

    private static void compare(String element, Map<String, ObjectNode> before, Map<String, ObjectNode> after,
            List<JourneyDiff.ElementChange> changes) {
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        for (String key : keys) {
            ObjectNode old = before.get(key);
            ObjectNode now = after.get(key);
            if (old == null) {
                changes.add(new JourneyDiff.ElementChange(element, key, JourneyDiff.Change.ADDED, null));
            } else if (now == null) {
                changes.add(new JourneyDiff.ElementChange(element, key, JourneyDiff.Change.REMOVED, null));
            } else if (!old.equals(now)) {
                changes.add(new JourneyDiff.ElementChange(element, key, JourneyDiff.Change.CHANGED, fields(old, now)));
            }
        }
    }

    private static List<JourneyDiff.FieldChange> fields(ObjectNode before, ObjectNode after) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = after.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        for (Iterator<String> it = before.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        List<JourneyDiff.FieldChange> fields = new ArrayList<>();
        for (String name : names) {
            JsonNode old = before.get(name);
            JsonNode now = after.get(name);
            if (!java.util.Objects.equals(nullIfNull(old), nullIfNull(now))) {
                fields.add(new JourneyDiff.FieldChange(name, nullIfNull(old), nullIfNull(now)));
            }
        }
        return fields;
    }

    private static JsonNode nullIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
