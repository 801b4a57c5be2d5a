package com.outsidein.journeys.http;

import com.outsidein.journeys.problem.ProblemMapper;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the problem answers every API operation can give, with an example each, in one place
 * instead of on every resource method.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String API_PREFIX = "/api/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(API_PREFIX)) {
                item.getOperations().forEach((method, operation) -> addProblems(path, method, operation));
            }
        });
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String[]> problems = new LinkedHashMap<>();
        problems.put("401", new String[] { "No key, or a malformed, unknown, expired or revoked one; sent with WWW-Authenticate: Bearer",
                "unauthorized", "Unauthorized", "This operation needs an API key: send 'Authorization: Bearer <key>'" });
        if (needsScope(operation)) {
            problems.put("403", new String[] { "The key does not hold the operation's scope", "forbidden", "Forbidden",
                    "This operation needs the scope 'journeys:write', which this key does not hold" });
        }
        problems.put("400", new String[] { "Malformed request: invalid JSON, unknown field, wrong type or bad parameter",
                "malformed-json", "Malformed request body", "The JSON does not have the expected shape" });
        if (path.contains("{")) {
            problems.put("404", new String[] { "No such journey or element (another team's journeys answer 404 too)",
                    "not-found", "Not found", "No journey 'risk-software'" });
        }
        if (method == PathItem.HttpMethod.GET) {
            problems.put("406", new String[] { "The Accept header names no media type this operation answers",
                    "not-acceptable", "Not Acceptable", "This resource cannot produce the requested media type" });
        }
        boolean writes = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PATCH;
        // Design writes are conditional (If-Match on the journey's version); ingest is not versioned.
        boolean designWrite = (writes || method == PathItem.HttpMethod.DELETE) && path.startsWith("/api/v1/journeys/{journey}")
                && !path.endsWith("/events") && !path.endsWith("/preview");
        if (designWrite) {
            problems.put("409", new String[] { "A key already exists, or what is removed is still referenced",
                    "conflict", "Conflict", "A step with key 'decides' already exists in this journey" });
            problems.put("412", new String[] { "If-Match (or the body's version) is stale",
                    "precondition-failed", "Precondition failed", "If-Match \"6\" is stale; the current version is \"7\"" });
        }
        if (path.endsWith("/preview")) {
            // A proposal is judged as PUT judges it: keys it repeats, or a source call two elements claim, conflict.
            problems.put("409", new String[] { "The proposal repeats a key, or two of its elements claim the same source call",
                    "conflict", "Conflict", "track \"Whitepaper Requested\" {contact_me: true} is claimed by action "
                            + "'asks-to-be-contacted' (steps[1].actions[1].sourceEvents[0]) and by touchpoint 'contact-form'" });
        }
        if (path.equals("/api/v1/webhooks") && method == PathItem.HttpMethod.POST) {
            problems.put("409", new String[] { "The team already has its 20 subscriptions", "too-many-subscriptions",
                    "Too many subscriptions", "A team may have at most 20 webhook subscriptions; delete one first" });
        }
        if (path.equals("/api/v1/teams") && method == PathItem.HttpMethod.POST) {
            problems.put("409", new String[] { "A team with this key already exists", "conflict", "Conflict",
                    "A team with key 'risk-sales' already exists" });
        }
        if (writes) {
            problems.put("413", new String[] { "The request body is too large", "request-entity-too-large",
                    "Request Entity Too Large", "The request body is too large" });
            problems.put("415", new String[] { "The body is not application/json", "unsupported-media-type",
                    "Unsupported Media Type", "Send this request as application/json" });
            problems.put("422", new String[] { "Semantically invalid: unknown reference, bad duration, bad order",
                    "validation", "Invalid journey", "steps[1].actions[0].respondedBy[0]: unknown touchpoint 'fax-back'" });
        }
        problems.put("429", new String[] { "The key's rate limit, or its address's failed-authentication budget, is spent; "
                + "retry after the Retry-After delay", "too-many-requests", "Too many requests",
                "This key may make 3000 requests a minute; slow down and retry after the Retry-After delay" });
        problems.put("503", new String[] { "The database is unreachable; retry after the Retry-After delay",
                "database-unavailable", "Service unavailable", "The database is unreachable; retry shortly" });

        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        problems.forEach((status, text) -> {
            var existing = responses.getAPIResponse(status);
            if (existing != null && existing.getContent() != null) {
                return;
            }
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", ProblemMapper.TYPE_PREFIX + text[1]);
            example.put("title", text[2]);
            example.put("status", Integer.parseInt(status));
            example.put("detail", text[3]);
            responses.addAPIResponse(status, OASFactory.createAPIResponse()
                    .description(text[0])
                    .content(OASFactory.createContent().addMediaType(ProblemMapper.PROBLEM_JSON,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref("Problem"))
                                    .example(example))));
        });
        if (!needsScope(operation)) {
            responses.removeAPIResponse("403");
        }
        operation.setResponses(responses);
        ContractHeaders.declare(path, method, operation);
        moveScopesToExtension(operation);
    }

    /**
     * The Bearer scheme has no scopes in the OpenAPI sense (only OAuth2 does), and linters refuse them in
     * its requirement: the scope an operation needs is declared as {@code x-required-scopes} and said in
     * its description, and the requirement names the scheme alone.
     */
    private static void moveScopesToExtension(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        java.util.List<String> scopes = new java.util.ArrayList<>();
        java.util.List<org.eclipse.microprofile.openapi.models.security.SecurityRequirement> schemesOnly = new java.util.ArrayList<>();
        operation.getSecurity().forEach(requirement -> {
            var bare = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, names) -> {
                if (names != null) {
                    scopes.addAll(names);
                }
                bare.addScheme(scheme);
            });
            schemesOnly.add(bare);
        });
        operation.setSecurity(schemesOnly);
        if (!scopes.isEmpty()) {
            operation.addExtension("x-required-scopes", scopes);
            String needs = "Needs the scope " + String.join(" or ", scopes.stream().map(s -> "`" + s + "`").toList()) + ".";
            operation.setDescription(operation.getDescription() == null ? needs : operation.getDescription() + " " + needs);
        }
    }

    /** Whether the operation is limited to keys with a scope (any valid key may call the others). */
    private static boolean needsScope(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes().values().stream().anyMatch(scopes -> !scopes.isEmpty()));
    }
}
