package com.outsidein.journeys.security;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads keys for authentication: plain JDBC, because it runs for every request outside any transaction. */
@ApplicationScoped
class KeyStore {

    /** A stored key as authentication needs it. */
    record StoredKey(String id, long teamId, String teamKey, String name, Set<String> scopes, byte[] secretSha256,
            Integer rateLimit, OffsetDateTime expiresAt, boolean revoked) {

        Caller caller() {
            return new Caller(teamId, teamKey, id, name, scopes);
        }
    }

    @Inject
    DataSource dataSource;

    /** The key with this id, and records that it is in use (at most once a minute, so reads stay cheap). */
    Optional<StoredKey> loadAndTouch(String id) {
        try (Connection c = dataSource.getConnection()) {
            Optional<StoredKey> key = load(c, id);
            if (key.isPresent() && !key.get().revoked()) {
                try (PreparedStatement touch = c.prepareStatement("update api_key set last_used_at = now() "
                        + "where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')")) {
                    touch.setString(1, id);
                    touch.executeUpdate();
                }
            }
            return key;
        } catch (SQLException e) {
            throw new KeyStorageFailedException(e);
        }
    }

    private static Optional<StoredKey> load(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select k.id, k.team_id, t.key, k.name, k.scopes, k.secret_sha256, "
                + "k.rate_limit, k.expires_at, k.revoked_at is not null from api_key k join team t on t.id = k.team_id "
                + "where k.id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array scopes = rs.getArray(5);
                int limit = rs.getInt(7);
                Integer rateLimit = rs.wasNull() ? null : limit;
                return Optional.of(new StoredKey(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Set.of((String[]) scopes.getArray()), rs.getBytes(6), rateLimit,
                        rs.getObject(8, OffsetDateTime.class), rs.getBoolean(9)));
            }
        }
    }

    /** The database could not be asked; the problem mapper answers 503 for it, not 401. */
    static final class KeyStorageFailedException extends RuntimeException {
        KeyStorageFailedException(SQLException cause) {
            super(cause);
        }
    }
}
