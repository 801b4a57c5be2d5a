package com.outsidein.journeys.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.outsidein.journeys.database.DatabaseFailure;
import com.outsidein.journeys.security.Caller;

/** The trail: which key sent each accepted batch, and what came of it. */
@ApplicationScoped
class IngestTrail {

    @Inject
    DataSource dataSource;

    /** Records the batch in the caller's transaction: a refused batch leaves no trail row. */
    void record(Caller caller, long journeyId, int accepted, int duplicates) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into ingest_batch (journey_id, at, key_id, key_name, accepted, duplicates) values (?, now(), ?, ?, ?, ?)")) {
            insert.setLong(1, journeyId);
            insert.setString(2, caller.keyId());
            insert.setString(3, caller.keyName());
            insert.setInt(4, accepted);
            insert.setInt(5, duplicates);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }
}
