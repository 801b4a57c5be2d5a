package com.outsidein.journeys.report;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.outsidein.journeys.problem.ProblemException;

/**
 * One permit per connection of the reports pool: a report takes every connection it will scan with
 * before it starts, so reports cannot each hold part of the pool and wait for the rest.
 */
@ApplicationScoped
public class ScanConnections {

    private final Semaphore permits;
    private final int size;
    private final ReportsConfig limits;

    ScanConnections(@ConfigProperty(name = "quarkus.datasource.reports.jdbc.max-size") int poolSize, ReportsConfig limits) {
        this.size = poolSize;
        this.permits = new Semaphore(poolSize, true);
        this.limits = limits;
    }

    /** How many connections the reports pool has. */
    public int permits() {
        return size;
    }

    /** Waits up to the queue timeout for {@code count} connections; 503 with Retry-After when they do not come. */
    public Lease acquire(int count) {
        try {
            if (!permits.tryAcquire(count, limits.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        return new Lease(count);
    }

    private ProblemException busy() {
        return new ProblemException(503, "reports-busy", "Reports busy",
                "Every report connection is in use; retry shortly", java.util.List.of(),
                Map.of("Retry-After", String.valueOf(Math.max(1, limits.queueTimeout().toSeconds()))));
    }

    /** Connections held for one report; closing gives them back. */
    public final class Lease implements AutoCloseable {
        private final int count;

        private Lease(int count) {
            this.count = count;
        }

        @Override
        public void close() {
            permits.release(count);
        }
    }
}
