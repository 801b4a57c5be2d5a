package com.outsidein.journeys.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's "now": report defaults, asOf, the future-event check, key expiry and design timestamps.
 * One injectable place, so the tests can run the service at a fixed date whatever the host's clock says.
 */
@ApplicationScoped
public class AppClock {

    public Instant now() {
        return Instant.now();
    }

    public OffsetDateTime nowUtc() {
        return now().atOffset(ZoneOffset.UTC);
    }
}
