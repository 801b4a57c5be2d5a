package com.outsidein.journeys.alert;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription can be told, by the name Standard Webhooks messages carry in {@code type}. */
public enum AlertType {
    RESPONSE_DUE_SOON("response.due_soon", false),
    RESPONSE_OVERDUE("response.overdue", false),
    RESPONSE_RESOLVED("response.resolved", false),
    JOURNEY_GAPS_OPENED("journey.gaps_opened", true);

    /** The type of the message {@code POST .../test} sends; not subscribed to. */
    public static final String TEST = "webhook.test";

    private final String wire;
    private final boolean sent;

    AlertType(String wire, boolean sent) {
        this.wire = wire;
        this.sent = sent;
    }

    public String wire() {
        return wire;
    }

    /** Whether this version sends it: the response alerts need the due-time sweep, which is not built yet. */
    boolean sent() {
        return sent;
    }

    static Optional<AlertType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
