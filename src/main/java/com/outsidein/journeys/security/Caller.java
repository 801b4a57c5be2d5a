package com.outsidein.journeys.security;

import java.util.Set;

/** Who a request acts for: the key that authenticated it and that key's team. */
public record Caller(long teamId, String teamKey, String keyId, String keyName, Set<String> scopes) {

    /** The identity attribute a {@link Caller} travels in. */
    static final String ATTRIBUTE = "journeys.caller";

    public Caller {
        scopes = Set.copyOf(scopes);
    }
}
