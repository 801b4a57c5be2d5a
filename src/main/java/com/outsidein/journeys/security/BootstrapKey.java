package com.outsidein.journeys.security;

import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.Startup;

/**
 * {@code JOURNEYS_BOOTSTRAP_KEY}: a key of the default team with every scope, given by configuration
 * (a Kubernetes Secret, or the fixed dev-only key of dev mode). Only its digest is kept in memory.
 */
@Startup
@ApplicationScoped
public class BootstrapKey {

    /** The id the bootstrap key appears under in the trail. */
    public static final String ID = "bootstrap";
    static final int MIN_LENGTH = 20;

    @Inject
    SecurityConfig config;
    @Inject
    EntityManager entityManager;

    private byte[] sha256;
    private volatile Caller caller;

    @PostConstruct
    void readConfiguration() {
        Optional<String> key = config.bootstrapKey().filter(k -> !k.isBlank());
        if (key.isPresent() && key.get().length() < MIN_LENGTH) {
            throw new IllegalStateException("JOURNEYS_BOOTSTRAP_KEY must be at least " + MIN_LENGTH
                    + " characters of random text; generate one with: openssl rand -base64 30");
        }
        sha256 = key.map(ApiKeyToken::sha256).orElse(null);
    }

    boolean isSet() {
        return sha256 != null;
    }

    /** Whether {@code token} is the bootstrap key (compared in constant time). */
    boolean matches(String token) {
        return sha256 != null && ApiKeyToken.matches(sha256, token);
    }

    /** The bootstrap caller once its team has been looked up; empty before that. */
    Optional<Caller> loadedCaller() {
        return Optional.ofNullable(caller);
    }

    /** Looks the default team up (blocking) and answers the bootstrap caller. */
    @Transactional
    Caller loadCaller() {
        if (caller == null) {
            long defaultTeam = ((Number) entityManager.createNativeQuery("select id from team where key = 'default'")
                    .getSingleResult()).longValue();
            caller = new Caller(defaultTeam, "default", ID, "JOURNEYS_BOOTSTRAP_KEY", Set.copyOf(Scopes.ALL));
        }
        return caller;
    }
}
