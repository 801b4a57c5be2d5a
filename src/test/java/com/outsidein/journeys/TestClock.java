package com.outsidein.journeys;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.outsidein.journeys.format.AppClock;

/**
 * The suite runs the service at a fixed date that advances in real time, so fixtures dated 2026 work on a
 * host whose clock is wrong or years away.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends AppClock {

    public static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final long STARTED_NANOS = System.nanoTime();

    /** The service's now, as tests compute it. */
    public static Instant current() {
        return START.plusNanos(System.nanoTime() - STARTED_NANOS);
    }

    @Override
    public Instant now() {
        return current();
    }
}
