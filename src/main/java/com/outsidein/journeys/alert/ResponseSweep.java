package com.outsidein.journeys.alert;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import com.outsidein.journeys.format.AppClock;

/**
 * The due-time sweep, on every replica: each round claims up to {@value #CLAIM} prospects whose next moment (a warning
 * or a due time) has come ({@code FOR UPDATE SKIP LOCKED}, so replicas take different ones), re-matches them and writes
 * their messages to the outbox in the same transaction. With nothing due it reads one index page, whatever the
 * journeys hold.
 */
@ApplicationScoped
public class ResponseSweep {

    private static final int CLAIM = 500;
    /** Occurrences told overdue wait this long for a late answer's response.resolved, as the delivery log is kept. */
    private static final Duration KEPT = Duration.ofDays(30);

    @Inject
    ResponseAlerts alerts;
    @Inject
    ResponseWatchStore watch;
    @Inject
    AppClock clock;
    @Inject
    MeterRegistry metrics;

    @Scheduled(every = "${journeys.alerts.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        // Operators (and bench/alerts.sh) read how long a sweep takes and how much it found on /q/metrics.
        Timer.Sample started = Timer.start(metrics);
        int claimed = 0;
        // Bounded, so one replica's run ends; what is left is the next run's (or another replica's).
        for (int round = 0; round < 200; round++) {
            int found = QuarkusTransaction.requiringNew().call(() -> alerts.sweep(CLAIM));
            claimed += found;
            if (found < CLAIM) {
                break;
            }
        }
        QuarkusTransaction.requiringNew().call(() -> watch.prune(clock.now().minus(KEPT), 1_000));
        started.stop(metrics.timer("journeys.alerts.sweep"));
        Counter.builder("journeys.alerts.sweep.claimed").description("Prospects whose moment had come, as sweeps found them")
                .register(metrics).increment(claimed);
    }
}
