package com.outsidein.journeys.report;

import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Threads for report partitions: a managed executor bounded by the reports pool (a partition without a
 * connection has nothing to do), carrying no request context, shut down with the application.
 */
@ApplicationScoped
public class ReportExecutor {

    private final ManagedExecutor executor;

    ReportExecutor(@ConfigProperty(name = "quarkus.datasource.reports.jdbc.max-size") int poolSize) {
        executor = ManagedExecutor.builder()
                .maxAsync(poolSize)
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    public CompletableFuture<Void> runAsync(Runnable work) {
        return executor.runAsync(work);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
