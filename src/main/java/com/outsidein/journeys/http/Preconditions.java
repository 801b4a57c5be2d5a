package com.outsidein.journeys.http;

import com.outsidein.journeys.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The optimistic-concurrency check of a design write: the request's {@code If-Match} and
 * {@code If-None-Match} against the journey's version, decided by JAX-RS's
 * {@code Request.evaluatePreconditions}; and a document's own {@code version} field, read like If-Match.
 */
@ApplicationScoped
public class Preconditions {

    @Inject
    Request request;
    @Inject
    HttpHeaders headers;

    /** Throws 412 unless the request's preconditions hold for a journey at {@code currentVersion} (null: none). */
    public void check(Long currentVersion) {
        Response.ResponseBuilder failed = currentVersion == null ? request.evaluatePreconditions()
                : request.evaluatePreconditions(ETags.tag(currentVersion));
        if (failed != null) {
            String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
            throw ProblemException.preconditionFailed(currentVersion == null
                    ? "If-Match was given but the journey does not exist"
                    : ifMatch != null
                            ? "If-Match " + ifMatch.trim() + " is stale; the current version is " + ETags.of(currentVersion)
                                    + ": GET it again and reapply your change"
                            : "If-None-Match " + headers.getHeaderString(HttpHeaders.IF_NONE_MATCH).trim()
                                    + " matches the current version " + ETags.of(currentVersion));
        }
    }

    /** Throws 412 unless a document's own version is absent or the current one. */
    public static void checkBodyVersion(Long bodyVersion, Long currentVersion) {
        if (bodyVersion != null && !bodyVersion.equals(currentVersion)) {
            throw ProblemException.preconditionFailed(currentVersion == null
                    ? "The document has version " + bodyVersion + " but the journey does not exist; omit version to create it"
                    : "The document has version " + bodyVersion + " but the current version is " + currentVersion
                            + "; GET the journey again and reapply your change");
        }
    }
}
