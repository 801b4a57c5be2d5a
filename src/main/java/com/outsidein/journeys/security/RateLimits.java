package com.outsidein.journeys.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.outsidein.journeys.problem.ProblemException;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets per key (requests per minute) and per client address (failed authentications per
 * minute). Each replica counts its own requests; with N replicas behind a balancer a key gets at most
 * N times its limit, which bounds abuse without a shared store on every request.
 */
@ApplicationScoped
public class RateLimits {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    SecurityConfig config;

    private final Cache<String, Bucket> keyBuckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final Cache<String, Bucket> failureBuckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    /** Admits one request of a key, or throws 429 with the seconds until the next is allowed. */
    void admit(String keyId, Integer ownLimit) {
        int limit = ownLimit == null ? config.rateLimit() : Math.min(ownLimit, config.rateLimit());
        Bucket bucket = keyBuckets.get(keyId + "@" + limit, k -> perMinute(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill(), "This key may make " + limit
                    + " requests a minute; slow down and retry after the Retry-After delay");
        }
    }

    /** Counts a failed authentication from an address; throws 429 once it has failed too often. */
    void failedAttempt(String address) {
        int limit = config.keys().failedAuthLimit();
        ConsumptionProbe probe = failureBuckets.get(address, k -> perMinute(limit)).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill(), "Too many failed authentications from this address; "
                    + "retry after the Retry-After delay with a valid key");
        }
    }

    private static Bucket perMinute(int limit) {
        return Bucket.builder().addLimit(l -> l.capacity(limit).refillGreedy(limit, WINDOW)).build();
    }

    private static ProblemException tooMany(long nanosToWait, String detail) {
        long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        return new ProblemException(429, "too-many-requests", "Too many requests", detail, List.of(),
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
