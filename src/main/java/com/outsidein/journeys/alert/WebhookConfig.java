package com.outsidein.journeys.alert;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Alert subscriptions and their delivery ({@code JOURNEYS_WEBHOOKS_*}). */
@ConfigMapping(prefix = "journeys.webhooks")
public interface WebhookConfig {

    /** Allows http and loopback, link-local, private and multicast addresses: for tests and private networks only. */
    @WithDefault("false")
    boolean allowPrivate();

    /**
     * The key that encrypts subscription secrets at rest (base64 of 32 bytes, AES-256-GCM). To rotate, set the new
     * key here and the old one in {@link #previousEncryptionKeys()}: secrets are read with either and written with
     * this one; once every subscription has been rotated or re-saved, drop the old key.
     */
    Optional<String> encryptionKey();

    /** Older encryption keys, still read (base64, comma-separated). */
    Optional<List<String>> previousEncryptionKeys();

    /** Waits before the retries of a failed attempt, each with up to 10 % jitter (Standard Webhooks' schedule). */
    @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retrySchedule();

    /** How long an attempt may take. */
    @WithDefault("PT15S")
    Duration timeout();

    /** How often each replica's workers look for messages due; also how long a claimed attempt is leased. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** An endpoint whose every message has failed this long is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();

    /** Subscriptions a team may have. */
    @WithDefault("20")
    int maxSubscriptions();
}
