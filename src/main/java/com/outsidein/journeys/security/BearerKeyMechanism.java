package com.outsidein.journeys.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.problem.ProblemMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Bearer <key>} (under the sources path also Segment's HTTP Basic or body
 * {@code writeKey}, see {@link SourceCredentials}) and hands the key to {@link ApiKeyIdentityProvider}. An
 * authenticated key spends one request of its rate limit; a failed attempt spends one of its address's
 * failure budget, so guessing gets 429 while a valid key from the same address keeps working.
 */
@ApplicationScoped
public class BearerKeyMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerKeyMechanism.class);
    static final String RATE_LIMIT_ATTRIBUTE = "journeys.rate-limit";
    /** The challenge of every 401 (RFC 6750). */
    public static final String CHALLENGE = ProblemMapper.BEARER_CHALLENGE;
    private static final String SCHEME = "bearer";

    @Inject
    RateLimits limits;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        boolean source = context.request().path().startsWith(SourceCredentials.PATH);
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        String token;
        if (header == null) {
            // The body was read before authentication (http/BodySizeLimit), so a CDP's writeKey can be found in it.
            java.util.Optional<String> writeKey = source && context.body() != null && context.body().buffer() != null
                    ? SourceCredentials.writeKey(context.body().buffer().getBytes()) : java.util.Optional.empty();
            if (writeKey.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            token = writeKey.get();
        } else if (source && SourceCredentials.isBasic(header)) {
            java.util.Optional<String> key = SourceCredentials.basicKey(header);
            if (key.isEmpty()) {
                return Uni.createFrom().failure(() -> failed(address,
                        "HTTP Basic here takes the API key as user name and an empty password"));
            }
            token = key.get();
        } else if (header.length() <= SCHEME.length() + 1 || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return Uni.createFrom().failure(() -> failed(address, "not a Bearer credential"));
        } else {
            token = header.substring(SCHEME.length() + 1).trim();
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, SCHEME));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request)
                .onFailure(AuthenticationFailedException.class).transform(f -> {
                    // The log names the key id, never the key: ids are public, secrets are not.
                    LOG.debugf("Authentication failed from %s: %s (key id %s)", address, f.getMessage(),
                            ApiKeyToken.parse(token).map(ApiKeyToken.Parsed::id).orElse("none: not a key of this service"));
                    return failed(address, f.getMessage());
                })
                .onItem().invoke(identity -> {
                    Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
                    limits.admit(caller.keyId(), identity.getAttribute(RATE_LIMIT_ATTRIBUTE));
                });
    }

    private RuntimeException failed(String address, String why) {
        try {
            limits.failedAttempt(address);
        } catch (ProblemException tooMany) {
            return tooMany;
        }
        return new AuthenticationFailedException(why);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
