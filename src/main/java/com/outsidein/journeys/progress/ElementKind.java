package com.outsidein.journeys.progress;

/** The kinds of journey element that packed progress names by a permanent ref. */
public enum ElementKind {
    STEP('S'), ACTION('A'), TOUCHPOINT('T');

    /** As the refs query answers it; actions and touchpoints share {@code element_ref}, told apart by this code. */
    public final char code;

    ElementKind(char code) {
        this.code = code;
    }

    static ElementKind of(char code) {
        for (ElementKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("element kind " + code);
    }
}
