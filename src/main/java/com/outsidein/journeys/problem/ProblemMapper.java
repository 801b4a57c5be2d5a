package com.outsidein.journeys.problem;

import com.outsidein.journeys.format.JacksonCustomizer;
import com.outsidein.journeys.format.StorableText;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.outsidein.journeys.database.SqlStates;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;

/** The one place that turns exceptions into {@code application/problem+json} answers. */
public class ProblemMapper {

    @Inject
    AllowedMethods routes;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String NO_KEY = "This operation needs an API key: send 'Authorization: Bearer <key>'";
    public static final String JSON_ONLY = "Send this request as application/json";
    /** The {@code WWW-Authenticate} challenge of every 401, from the mapper and the authentication mechanism alike. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"purchase-journeys\"";
    public static final String TYPE_PREFIX = "urn:purchase-journeys:problem:";
    /** The logging-context key under which the HTTP layer keeps the current request's id. */
    public static final String REQUEST_ID_KEY = "requestId";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder builder = build(e.status(), e.type(), e.title(), e.getMessage(), e.errors());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** No key where an operation needs one. */
    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return noKey().build();
    }

    /** The 401 of a request that sent no key at all, wherever it is decided. */
    private static Response.ResponseBuilder noKey() {
        return build(401, "unauthorized", "Unauthorized", NO_KEY, List.of()).header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
    }

    /** A key was sent but is not one: the answer does not say which of the reasons it was. */
    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e) {
        return build(401, "invalid-key", "Unauthorized",
                "The API key is malformed, unknown, expired or revoked", List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE + ", error=\"invalid_token\"").build();
    }

    /** A valid key without the operation's scope: the answer names the scope it needs. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, ResourceInfo resource) {
        RolesAllowed needed = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                        ? resource.getResourceMethod().getAnnotation(RolesAllowed.class)
                        : resource.getResourceClass().getAnnotation(RolesAllowed.class);
        String detail = needed == null ? "This key may not do this"
                : "This operation needs the scope '" + String.join("' or '", needed.value()) + "', which this key does not hold";
        return build(403, "forbidden", "Forbidden", detail, List.of()).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request, ResourceInfo resource) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jackson(json);
        }
        int status = e.getResponse().getStatus();
        if ((status == 406 || status == 415) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            // Media types are matched before the lazy authentication runs; a caller without a key hears that first.
            return noKey().build();
        }
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS answers 404 for a query parameter its converter cannot read; to a client it is a bad request.
            List<FieldError> errors = QueryParameters.unreadable(resource, request);
            return build(400, "bad-request", "Bad request", errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message() : "A parameter has the wrong format",
                    errors).build();
        }
        if (status == 404 || status == 405) {
            // JAX-RS answers 404 when the template exists only in a resource class without this method.
            Set<String> allowed = routes.allowed(request.path());
            if (!allowed.isEmpty() && !allowed.contains(request.method().name())) {
                String allow = String.join(", ", allowed);
                return build(405, "method-not-allowed", "Method Not Allowed", request.method().name()
                        + " is not allowed on this resource; it allows " + allow, List.of())
                        .header(HttpHeaders.ALLOW, allow).build();
            }
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return internalError();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Client error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource cannot produce the requested media type";
            case 413 -> bodyTooLarge(request.path(), maxBodySize.asLongValue());
            case 415 -> JSON_ONLY;
            default -> e.getMessage();
        };
        return build(status, slug(title), title, detail, List.of()).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return jackson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonParse(JsonParseException e) {
        return jackson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonProcessing(JsonProcessingException e) {
        return jackson(e);
    }

    @ServerExceptionMapper
    public Response patchedBody(PatchedBodyException e) {
        return jackson(e.jsonCause());
    }

    /** Every Jackson failure is a malformed body (400), reported with the JSON path it happened at. */
    private static Response jackson(JsonProcessingException e) {
        com.fasterxml.jackson.core.exc.StreamConstraintsException limit = null;
        for (Throwable t = e; t != null && limit == null; t = t.getCause()) {
            limit = t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException over ? over : null;
        }
        if (limit != null) {
            return build(400, "json-limit", "JSON over a limit", "The body is over a JSON limit (nesting depth "
                    + JacksonCustomizer.MAX_NESTING + ", string length " + JacksonCustomizer.MAX_STRING + ", number length 100): "
                    + limit.getOriginalMessage().replaceAll(" \\(.*", ""), List.of()).build();
        }
        if (e instanceof JsonParseException parse) {
            return build(400, "malformed-json", "Malformed JSON", "The body is not valid JSON (line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")",
                    List.of()).build();
        }
        if (e instanceof StorableText.RefusedTextException refused) {
            return malformed("A text field holds characters that cannot be stored", path(refused), refused.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return malformed("Unknown field '" + unknown.getPropertyName() + "'", path(unknown),
                    "unknown field; allowed: " + unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException format) {
            String allowed = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? "; allowed: " + List.of(format.getTargetType().getEnumConstants())
                    : "";
            return malformed("A field has the wrong type or value", path(format), "cannot read '"
                    + format.getValue() + "' as " + format.getTargetType().getSimpleName() + allowed);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return malformed("The JSON does not have the expected shape", path(mismatch),
                    mismatch.getTargetType() == null ? "unexpected value" : "expected " + describe(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping) {
            return malformed("The JSON does not have the expected shape", path(mapping), "cannot read this value");
        }
        return build(400, "malformed-json", "Malformed JSON", "The body is not valid JSON", List.of()).build();
    }

    /** Bean-validation failures on query and path parameters; bodies are validated by the services (422). */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(parameterName(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        return build(400, "bad-request", "Bad request", errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message() : "Invalid parameters", errors).build();
    }

    @ServerExceptionMapper
    public Response persistence(jakarta.persistence.PersistenceException e) {
        return fromDatabase(e);
    }

    @ServerExceptionMapper
    public Response sql(SQLException e) {
        return fromDatabase(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (SqlStates.isPoolExhausted(e) || SqlStates.isStatementTimeout(e) || SqlStates.isDatabaseUnavailable(e)) {
            return fromDatabase(e);
        }
        LOG.error("Unexpected error", e);
        return internalError();
    }

    private Response fromDatabase(Exception e) {
        if (SqlStates.isPoolExhausted(e)) {
            LOG.warn("Database connection pool exhausted: answering 503");
            return build(503, "busy", "Service busy", "Every database connection is in use; retry shortly", List.of())
                    .header(HttpHeaders.RETRY_AFTER, "2").build();
        }
        if (SqlStates.isStatementTimeout(e)) {
            return build(503, "report-timeout", "Report took too long",
                    "The report ran past its time limit; narrow it (a shorter range, no breakdown or interval) or retry later",
                    List.of()).header(HttpHeaders.RETRY_AFTER, "30").build();
        }
        if (SqlStates.isDatabaseUnavailable(e)) {
            // The state says which: a deadlock or a standby's cancel is retried by the client, a lost
            // server needs an operator. Only the state and class: server messages may quote SQL.
            LOG.warnf("Database unavailable (%s): answering 503", SqlStates.describe(e));
            String state = SqlStates.of(e);
            return state != null && state.startsWith("40") ? unavailable("The request met a concurrent one over the same rows "
                    + "and nothing of it was kept; retry shortly") : unavailable("The database is unreachable; retry shortly");
        }
        LOG.error("Database error", e);
        return internalError();
    }

    private static Response unavailable(String detail) {
        return build(503, "database-unavailable", "Service unavailable", detail, List.of())
                .header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    private static Response internalError() {
        return build(500, "internal", "Internal error", "An unexpected error occurred; it has been logged", List.of())
                .build();
    }

    private static Response malformed(String detail, String field, String message) {
        List<FieldError> errors = new ArrayList<>();
        if (field != null && !field.isEmpty()) {
            errors.add(new FieldError(field, message));
        }
        return build(400, "malformed-json", "Malformed request body",
                field == null || field.isEmpty() ? detail + ": " + message : detail, errors).build();
    }

    public static Response.ResponseBuilder build(int status, String type, String title, String detail,
            List<FieldError> errors) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(new Problem(TYPE_PREFIX + type, title, status, detail, errors.isEmpty() ? null : errors,
                        currentRequestId()));
    }

    /** The current request's id, where one is being handled. */
    public static String currentRequestId() {
        Object id = org.jboss.logging.MDC.get(REQUEST_ID_KEY);
        return id == null ? null : id.toString();
    }

    /** What was too large and what the limit is; event batches are also limited by count. */
    public static String bodyTooLarge(String path, long limit) {
        String text = "The request body is larger than the limit of " + limit + " bytes (QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE)";
        return path != null && path.endsWith("/events") ? text + "; send events in batches of at most 10,000" : text;
    }

    /** The JSON path of a Jackson error, e.g. {@code steps[1].touchpoints[0].mode}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return type.getSimpleName();
    }

    /** The last node of a parameter's property path: the parameter's name, not the Java method's. */
    private static String parameterName(ConstraintViolation<?> violation) {
        String last = null;
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            last = node.getName();
        }
        return last == null ? "" : last;
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
