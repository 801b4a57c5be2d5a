package com.outsidein.journeys.event;

import java.time.OffsetDateTime;
import java.util.Map;

/** Attributes a source sent for a person at a time, for the team's prospects of that external id. */
public record AttributeUpdate(String prospect, Map<String, String> attributes, OffsetDateTime at) {
}
