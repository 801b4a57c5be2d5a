package com.outsidein.journeys.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.http.Cursors;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.problem.RequestValidator;
import com.outsidein.journeys.security.KeyViews.CreatedKey;
import com.outsidein.journeys.security.KeyViews.KeyPage;
import com.outsidein.journeys.security.KeyViews.KeyView;

/** A team's API keys: made with scopes the maker holds, listed without secrets, revoked but never deleted. */
@ApplicationScoped
public class ApiKeyService {

    @Inject
    DataSource dataSource;
    @Inject
    RequestValidator validator;
    @Inject
    SecurityConfig config;
    @Inject
    ApiKeyIdentityProvider identities;
    @Inject
    com.outsidein.journeys.format.AppClock clock;

    @Transactional
    public CreatedKey create(Caller caller, KeyRequest request) {
        validator.checkFields(request, "key");
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.scopes().size(); i++) {
            String scope = request.scopes().get(i);
            if (!Scopes.ALL.contains(scope)) {
                errors.add(new FieldError("scopes[" + i + "]", "unknown scope '" + scope + "'; scopes: " + Scopes.ALL));
            } else if (!seen.add(scope)) {
                errors.add(new FieldError("scopes[" + i + "]", "scope '" + scope + "' is listed twice"));
            }
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.nowUtc())) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (request.rateLimit() != null && request.rateLimit() > config.rateLimit()) {
            errors.add(new FieldError("rateLimit", "must be at most the service's limit, " + config.rateLimit()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Invalid key", errors);
        }
        List<String> notHeld = request.scopes().stream().filter(s -> !caller.scopes().contains(s)).toList();
        if (!notHeld.isEmpty()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "A key can only make keys with scopes it holds "
                    + "itself; this one does not hold " + notHeld, List.of());
        }
        return insert(caller.teamId(), request.name().strip(), request.scopes(), request.expiresAt(),
                request.rateLimit(), caller.keyId());
    }

    /** Stores a new key of a team and answers it with its secret; the caller owns the transaction. */
    CreatedKey insert(long teamId, String name, List<String> scopes, OffsetDateTime expiresAt, Integer rateLimit,
            String createdBy) {
        ApiKeyToken.Generated generated = ApiKeyToken.generate();
        OffsetDateTime now = clock.nowUtc();
        List<String> ordered = Scopes.ALL.stream().filter(scopes::contains).toList();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into api_key (id, team_id, name, scopes, secret_sha256, rate_limit, created_by, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, generated.id());
            insert.setLong(2, teamId);
            insert.setString(3, name);
            insert.setArray(4, c.createArrayOf("text", ordered.toArray()));
            insert.setBytes(5, generated.secretSha256());
            insert.setObject(6, rateLimit);
            insert.setString(7, createdBy);
            insert.setObject(8, now);
            insert.setObject(9, expiresAt);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new KeyStore.KeyStorageFailedException(e);
        }
        return new CreatedKey(generated.id(), name, ordered, generated.token(), now, createdBy, expiresAt, rateLimit);
    }

    @Transactional
    public KeyPage list(Caller caller, String cursor, int limit) {
        if (cursor != null && !ApiKeyToken.isWellFormedId(cursor)) {
            throw Cursors.invalid(); // key ids are public, so the keys list pages by the last one as it is
        }
        List<KeyView> keys = query(caller.teamId(), "k.id > ? order by k.id limit " + (limit + 1), cursor == null ? "" : cursor);
        boolean more = keys.size() > limit;
        List<KeyView> page = more ? keys.subList(0, limit) : keys;
        return new KeyPage(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
    }

    @Transactional
    public KeyView get(Caller caller, String id) {
        List<KeyView> found = ApiKeyToken.isWellFormedId(id) ? query(caller.teamId(), "k.id = ?", id) : List.of();
        if (found.isEmpty()) {
            throw ProblemException.notFound("No key '" + id + "' in this team");
        }
        return found.get(0);
    }

    /** Revokes a key of the caller's team; revoking it again changes nothing. */
    @Transactional
    public void revoke(Caller caller, String id) {
        get(caller, id);
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update api_key set revoked_at = coalesce(revoked_at, now()) where id = ? and team_id = ?")) {
            update.setString(1, id);
            update.setLong(2, caller.teamId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new KeyStore.KeyStorageFailedException(e);
        }
        identities.forget(id);
    }

    private List<KeyView> query(long teamId, String condition, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select k.id, k.name, k.scopes, k.created_at, k.created_by, k.expires_at, k.last_used_at, k.revoked_at, "
                        + "k.rate_limit from api_key k where k.team_id = ? and " + condition)) {
            select.setLong(1, teamId);
            select.setString(2, parameter);
            List<KeyView> keys = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int limit = rs.getInt(9);
                    Integer rateLimit = rs.wasNull() ? null : limit;
                    keys.add(new KeyView(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                            rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
                            rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class), rateLimit));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new KeyStore.KeyStorageFailedException(e);
        }
    }
}
