package com.outsidein.journeys.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Start-up key, rate limits and key caching. */
@ConfigMapping(prefix = "journeys")
public interface SecurityConfig {

    /** {@code JOURNEYS_BOOTSTRAP_KEY}: accepted as a default-team key with every scope. */
    Optional<String> bootstrapKey();

    /** {@code JOURNEYS_RATE_LIMIT}: requests per minute per key (a key may have a lower limit of its own). */
    @WithDefault("3000")
    int rateLimit();

    /** Key handling details. */
    @WithName("security")
    Keys keys();

    /** Key handling details. */
    interface Keys {

        /**
         * How long a replica trusts what it read of a key: a key revoked on another replica stops working
         * here within this time (at once on the replica that revoked it).
         */
        @WithDefault("PT5S")
        Duration keyCacheTtl();

        /** Failed authentications per minute from one address before it is answered 429. */
        @WithDefault("30")
        int failedAuthLimit();

        /**
         * Where the first start writes the admin key it makes when there is no key at all; empty:
         * {@code admin-key} beside the embedded data directory, or in {@code ~/.purchase-journeys}.
         */
        Optional<String> adminKeyFile();
    }
}
