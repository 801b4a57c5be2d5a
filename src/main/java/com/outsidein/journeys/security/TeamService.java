package com.outsidein.journeys.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.problem.RequestValidator;
import com.outsidein.journeys.security.KeyViews.CallerKey;
import com.outsidein.journeys.security.KeyViews.CreatedKey;
import com.outsidein.journeys.security.KeyViews.CreatedTeam;
import com.outsidein.journeys.security.KeyViews.CurrentTeam;
import com.outsidein.journeys.security.KeyViews.TeamView;

/** Teams: each owns its journeys and keys; a new team starts with one admin key. */
@ApplicationScoped
public class TeamService {

    private static final String RESERVED_KEY = "current";

    @Inject
    DataSource dataSource;
    @Inject
    RequestValidator validator;
    @Inject
    ApiKeyService keys;

    @Transactional
    public CreatedTeam create(Caller caller, TeamRequest request) {
        validator.checkFields(request, "team");
        if (RESERVED_KEY.equals(request.key())) {
            throw ProblemException.invalid("key", "'current' is reserved (GET /api/v1/teams/current)");
        }
        long id;
        OffsetDateTime createdAt;
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into team (key, name) values (?, ?) on conflict (key) do nothing returning id, created_at")) {
            insert.setString(1, request.key());
            insert.setString(2, request.name().strip());
            try (ResultSet rs = insert.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.conflict("A team with key '" + request.key() + "' already exists",
                            List.of(new FieldError("key", "duplicate team key '" + request.key() + "'")));
                }
                id = rs.getLong(1);
                createdAt = rs.getObject(2, OffsetDateTime.class);
            }
        } catch (SQLException e) {
            throw new KeyStore.KeyStorageFailedException(e);
        }
        CreatedKey admin = keys.insert(id, request.key() + " admin", Scopes.TEAM_ADMIN_KEY, null, null, caller.keyId());
        return new CreatedTeam(request.key(), request.name().strip(), createdAt, admin);
    }

    @Transactional
    public TeamView get(String key) {
        return find(key).orElseThrow(() -> ProblemException.notFound("No team '" + key + "'"));
    }

    @Transactional
    public CurrentTeam current(Caller caller) {
        TeamView team = find(caller.teamKey()).orElseThrow(() -> ProblemException.notFound("No team '" + caller.teamKey() + "'"));
        return new CurrentTeam(team.key(), team.name(), team.createdAt(), new CallerKey(caller.keyId(), caller.keyName(),
                Scopes.ALL.stream().filter(caller.scopes()::contains).toList()));
    }

    private Optional<TeamView> find(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select key, name, created_at from team where key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new TeamView(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new KeyStore.KeyStorageFailedException(e);
        }
    }
}
