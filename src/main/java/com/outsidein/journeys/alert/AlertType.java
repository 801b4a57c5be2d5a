package com.outsidein.journeys.alert;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription can be told, by the name Standard Webhooks messages carry in {@code type}. */
public enum AlertType {
    RESPONSE_DUE_SOON("response.due_soon"),
    RESPONSE_OVERDUE("response.overdue"),
    RESPONSE_RESOLVED("response.resolved"),
    JOURNEY_GAPS_OPENED("journey.gaps_opened");

    /** The type of the message {@code POST .../test} sends; not subscribed to. */
    public static final String TEST = "webhook.test";

    private final String wire;

    AlertType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static Optional<AlertType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
