package com.outsidein.journeys.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.journey.ActionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.SourceCallType;
import com.outsidein.journeys.journey.SourceEventDocument;
import com.outsidein.journeys.journey.StepDocument;
import com.outsidein.journeys.journey.TouchpointDocument;

/**
 * Which elements of a team's journeys a call means, from their {@code sourceEvents}: the calls claimed by
 * type and name, each with the properties it must carry. Pure: built from documents, asked per call.
 */
final class SourceMatcher {

    /** An element of a journey that a call becomes the event of, with the native event type. */
    record Hit(String journey, String eventType, String element) {
    }

    private record Claim(Hit hit, Map<String, String> where) {
    }

    private final Map<String, List<Claim>> claims = new HashMap<>();

    SourceMatcher(List<JourneyDocument> journeys) {
        for (JourneyDocument journey : journeys) {
            for (StepDocument step : journey.steps()) {
                add(journey.key(), "STEP_ENTERED", step.key(), step.sourceEvents());
                for (TouchpointDocument touchpoint : step.touchpoints()) {
                    add(journey.key(), "TOUCHPOINT_DELIVERED", touchpoint.key(), touchpoint.sourceEvents());
                }
                for (ActionDocument action : step.actions()) {
                    add(journey.key(), "ACTION_PERFORMED", action.key(), action.sourceEvents());
                }
            }
        }
    }

    private void add(String journey, String eventType, String element, List<SourceEventDocument> sourceEvents) {
        for (SourceEventDocument call : sourceEvents) {
            claims.computeIfAbsent(key(call.type(), call.name()), k -> new ArrayList<>())
                    .add(new Claim(new Hit(journey, eventType, element), call.properties()));
        }
    }

    /** The elements a call means: each claim of its type and name whose properties all equal the call's. */
    List<Hit> match(String callType, String name, JsonNode properties) {
        if (name == null) {
            return List.of();
        }
        SourceCallType type = switch (callType) {
            case "track" -> SourceCallType.TRACK;
            case "page" -> SourceCallType.PAGE;
            default -> null;
        };
        if (type == null) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>(1);
        for (Claim claim : claims.getOrDefault(key(type, name), List.of())) {
            if (claim.where().entrySet().stream().allMatch(w -> equalsText(properties.get(w.getKey()), w.getValue()))) {
                hits.add(claim.hit());
            }
        }
        return hits;
    }

    /** A property equals a claimed value when its text does: numbers and booleans compare as their JSON text. */
    static boolean equalsText(JsonNode property, String value) {
        if (property == null || property.isNull() || property.isContainerNode()) {
            return false;
        }
        return (property.isTextual() ? property.textValue() : property.toString()).equals(value);
    }

    private static String key(SourceCallType type, String name) {
        return type.name() + "\u0000" + name;
    }
}
