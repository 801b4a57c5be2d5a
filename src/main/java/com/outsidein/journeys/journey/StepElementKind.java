package com.outsidein.journeys.journey;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What differs between a step's touchpoints and its buyer actions, so one implementation serves both. */
record StepElementKind<T>(String name, Class<T> type, Function<StepDocument, List<T>> elements,
        Function<T, String> key, BiFunction<T, String, T> withKey, Finder<T> find, Edit<T> add, Edit<T> put,
        Remover remove) {

    /** The history's kind for a change of this element, e.g. TOUCHPOINT_ADDED for ("touchpoint", "ADDED"). */
    ChangeKind change(String verb) {
        return ChangeKind.valueOf(name.toUpperCase(java.util.Locale.ROOT) + "_" + verb);
    }

    /** Finds an element of a step or answers 404. */
    interface Finder<T> {
        T find(JourneyDocument doc, String step, String key);
    }

    /** Adds or replaces an element in a step. */
    interface Edit<T> {
        JourneyDocument apply(JourneyDocument doc, String step, T element);
    }

    /** Removes an element from a step. */
    interface Remover {
        JourneyDocument apply(JourneyDocument doc, String step, String key);
    }

    static final StepElementKind<TouchpointDocument> TOUCHPOINT = new StepElementKind<>("touchpoint",
            TouchpointDocument.class, StepDocument::touchpoints, TouchpointDocument::key, TouchpointDocument::withKey,
            JourneyEdits::touchpoint, JourneyEdits::addTouchpoint, JourneyEdits::putTouchpoint, JourneyEdits::removeTouchpoint);

    static final StepElementKind<ActionDocument> ACTION = new StepElementKind<>("action", ActionDocument.class,
            StepDocument::actions, ActionDocument::key, ActionDocument::withKey, JourneyEdits::action,
            JourneyEdits::addAction, JourneyEdits::putAction, JourneyEdits::removeAction);
}
