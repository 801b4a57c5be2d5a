package com.outsidein.journeys.security;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Resolves a bearer key to the caller it stands for. What it reads of a key is trusted for
 * {@code journeys.security.key-cache-ttl}, so most requests need no database round trip; revocation
 * on this replica drops the entry at once.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    KeyStore store;
    @Inject
    BootstrapKey bootstrap;
    @Inject
    SecurityConfig config;
    @Inject
    com.outsidein.journeys.format.AppClock clock;

    /** Bounded, so a flood of made-up key ids cannot grow it without limit. */
    private Cache<String, Optional<KeyStore.StoredKey>> cache;

    @PostConstruct
    void createCache() {
        cache = Caffeine.newBuilder().expireAfterWrite(config.keys().keyCacheTtl()).maximumSize(10_000).build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (bootstrap.matches(token)) {
            Optional<Caller> loaded = bootstrap.loadedCaller();
            return loaded.isPresent() ? Uni.createFrom().item(identity(loaded.get(), null))
                    : context.runBlocking(() -> identity(bootstrap.loadCaller(), null));
        }
        Optional<ApiKeyToken.Parsed> parsed = ApiKeyToken.parse(token);
        if (parsed.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed key"));
        }
        Optional<KeyStore.StoredKey> cached = cache.getIfPresent(parsed.get().id());
        if (cached != null) {
            return Uni.createFrom().item(() -> verify(cached, parsed.get()));
        }
        return context.runBlocking(() -> {
            Optional<KeyStore.StoredKey> key = store.loadAndTouch(parsed.get().id());
            cache.put(parsed.get().id(), key);
            return verify(key, parsed.get());
        });
    }

    /** Forgets what this replica knows of a key, so its revocation takes effect here at once. */
    void forget(String keyId) {
        cache.invalidate(keyId);
    }

    /** The caller's identity, or AuthenticationFailedException. */
    private SecurityIdentity verify(Optional<KeyStore.StoredKey> stored, ApiKeyToken.Parsed presented) {
        boolean valid = stored.isPresent() && ApiKeyToken.matches(stored.get().secretSha256(), presented.secret())
                && !stored.get().revoked()
                && (stored.get().expiresAt() == null || stored.get().expiresAt().isAfter(clock.nowUtc()));
        if (!valid) {
            throw new AuthenticationFailedException("unknown, revoked or expired key");
        }
        return identity(stored.get().caller(), stored.get().rateLimit());
    }

    private static SecurityIdentity identity(Caller caller, Integer rateLimit) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.keyId()))
                .addRoles(caller.scopes())
                .addAttribute(Caller.ATTRIBUTE, caller);
        if (rateLimit != null) {
            builder.addAttribute(BearerKeyMechanism.RATE_LIMIT_ATTRIBUTE, rateLimit);
        }
        return builder.build();
    }
}
