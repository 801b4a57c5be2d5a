package com.outsidein.journeys.common;

import java.util.Arrays;

/**
 * The optimistic-concurrency preconditions of a write: {@code If-Match}, {@code If-None-Match} and a
 * document's own {@code version} field, which is read like {@code If-Match}.
 */
public record Precondition(String ifMatch, String ifNoneMatch, Long bodyVersion) {

    public static final Precondition NONE = new Precondition(null, null, null);

    public static Precondition of(String ifMatch) {
        return new Precondition(ifMatch, null, null);
    }

    public Precondition withBodyVersion(Long version) {
        return new Precondition(ifMatch, ifNoneMatch, version);
    }

    /** Throws 412 unless the preconditions hold for a resource at {@code currentVersion} (null: absent). */
    public void check(Long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            boolean matches = currentVersion != null && (ifMatch.trim().equals("*")
                    || Arrays.stream(ifMatch.split(",")).map(String::trim).anyMatch(ETags.of(currentVersion)::equals));
            if (!matches) {
                throw ProblemException.preconditionFailed(currentVersion == null
                        ? "If-Match was given but the journey does not exist"
                        : "If-Match " + ifMatch.trim() + " is stale; the current version is " + ETags.of(currentVersion));
            }
        }
        if (ifNoneMatch != null && ifNoneMatch.trim().equals("*") && currentVersion != null) {
            throw ProblemException.preconditionFailed("If-None-Match: * was given but the journey already exists");
        }
        if (bodyVersion != null && !bodyVersion.equals(currentVersion)) {
            throw ProblemException.preconditionFailed(currentVersion == null
                    ? "The document has version " + bodyVersion + " but the journey does not exist; omit version to create it"
                    : "The document has version " + bodyVersion + " but the current version is " + currentVersion
                            + "; GET the journey again and reapply your change");
        }
    }
}
