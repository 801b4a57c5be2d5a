package com.outsidein.journeys.progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The permanent small number of every step, action and touchpoint of a journey, as packed progress stores
 * them: ingest packs with it and every report unpacks with it. Read in one query.
 */
public final class ElementRefs {

    private static final String QUERY = "select 'S', step_key, ref from step_ref where journey_id = ? "
            + "union all select kind, element_key, ref from element_ref where journey_id = ?";

    private final Map<ElementKind, Map<String, Integer>> byKind;

    private ElementRefs(Map<ElementKind, Map<String, Integer>> byKind) {
        this.byKind = byKind;
    }

    /** Refs given by kind, for code that builds them without a database (tests, previews). */
    public static ElementRefs of(Map<ElementKind, Map<String, Integer>> byKind) {
        Map<ElementKind, Map<String, Integer>> copy = new EnumMap<>(ElementKind.class);
        for (ElementKind kind : ElementKind.values()) {
            copy.put(kind, Map.copyOf(byKind.getOrDefault(kind, Map.of())));
        }
        return new ElementRefs(copy);
    }

    /** The refs of one journey. */
    public static ElementRefs load(Connection connection, long journeyId) throws SQLException {
        Map<ElementKind, Map<String, Integer>> byKind = new EnumMap<>(ElementKind.class);
        for (ElementKind kind : ElementKind.values()) {
            byKind.put(kind, new HashMap<>());
        }
        try (PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setLong(1, journeyId);
            select.setLong(2, journeyId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byKind.get(ElementKind.of(rs.getString(1).charAt(0))).put(rs.getString(2), rs.getInt(3));
                }
            }
        }
        return new ElementRefs(byKind);
    }

    /** Refs of one kind by element key. */
    public Map<String, Integer> of(ElementKind kind) {
        return byKind.get(kind);
    }

    /** The ref of one element; the element must exist (ingest validated every key against the design). */
    public int ref(ElementKind kind, String key) {
        Integer ref = byKind.get(kind).get(key);
        if (ref == null) {
            throw new IllegalStateException("no ref for " + kind + " " + key);
        }
        return ref;
    }
}
