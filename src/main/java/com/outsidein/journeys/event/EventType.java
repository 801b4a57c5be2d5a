package com.outsidein.journeys.event;

/** What a prospect event records; the code is its stored form. */
public enum EventType {
    STEP_ENTERED(1), ACTION_PERFORMED(2), TOUCHPOINT_DELIVERED(3), OPTED_OUT(4);

    public final short code;

    EventType(int code) {
        this.code = (short) code;
    }

    public static EventType of(short code) {
        for (EventType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("event type " + code);
    }
}
