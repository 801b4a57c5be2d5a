package com.outsidein.journeys.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller of the current request. Every API operation is {@code @RolesAllowed}, so the identity is
 * established before a resource method runs; every journey query is scoped by its team.
 */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    public Caller caller() {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null) {
            // Only reachable if an operation lost its @RolesAllowed: refuse rather than act for nobody.
            throw new io.quarkus.security.UnauthorizedException();
        }
        return caller;
    }

    public long teamId() {
        return caller().teamId();
    }
}
