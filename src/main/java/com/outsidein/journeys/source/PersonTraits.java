package com.outsidein.journeys.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.database.DatabaseFailure;

/** The traits each person of a team was sent with (table {@code source_person}), read and written in the caller's transaction. */
@ApplicationScoped
class PersonTraits {

    private static final TypeReference<LinkedHashMap<String, String>> TRAITS = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    /** The stored traits of these people. Not locked: {@link #merge} merges in the database, so concurrent batches lose nothing. */
    Map<String, Map<String, String>> read(long teamId, Collection<String> people) {
        Map<String, Map<String, String>> traits = new HashMap<>();
        if (people.isEmpty()) {
            return traits;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select person, traits::text from source_person where team_id = ? and person = any(?)")) {
            select.setLong(1, teamId);
            select.setArray(2, connection.createArrayOf("text", people.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    traits.put(rs.getString(1), json.readValue(rs.getString(2), TRAITS));
                }
            }
            return traits;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored traits are always JSON", e);
        }
    }

    /**
     * Merges the traits that changed into each person's stored set, in person order (the order every batch locks
     * them in): later values win per trait, and a concurrent batch's other traits stay.
     */
    void merge(long teamId, Map<String, Map<String, String>> traits, OffsetDateTime at) {
        if (traits.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> sorted = new TreeMap<>(traits);
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(
                "insert into source_person (team_id, person, traits, updated_at) select ?, u.p, u.t, ? "
                        + "from unnest(?::text[], ?::jsonb[]) as u(p, t) "
                        + "on conflict (team_id, person) do update set traits = source_person.traits || excluded.traits, "
                        + "updated_at = excluded.updated_at")) {
            upsert.setLong(1, teamId);
            upsert.setObject(2, at);
            upsert.setArray(3, connection.createArrayOf("text", sorted.keySet().toArray()));
            upsert.setArray(4, connection.createArrayOf("text", sorted.values().stream().map(this::toJson).toArray()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private String toJson(Map<String, String> traits) {
        try {
            return json.writeValueAsString(traits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Traits are always JSON", e);
        }
    }
}
