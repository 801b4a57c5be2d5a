package com.outsidein.journeys.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * The database's health, for operators at {@code /q/health/group/database}. It is deliberately not a
 * readiness check: during an outage every replica stays in the Service and answers 503 with
 * Retry-After itself, instead of all of them leaving it at once and clients meeting refused connections.
 */
@HealthGroup("database")
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Inject
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
