package com.outsidein.journeys.http;

import com.outsidein.journeys.format.StorableText;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keys in paths and values in query strings reach SQL and the map: one with a control character (a NUL
 * above all, which PostgreSQL cannot hold) is refused before any resource runs, as it would be in a body.
 */
public class RequestTargetFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnstorableText(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        String pathProblem;
        try {
            pathProblem = StorableText.problem(request.getUriInfo().getPath(true));
        } catch (IllegalArgumentException badEscape) {
            pathProblem = "is not valid percent-encoded UTF-8";
        }
        if (pathProblem != null) {
            errors.add(new FieldError("path", pathProblem));
        }
        Map<String, List<String>> query;
        try {
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException badEscape) {
            errors.add(new FieldError("query", "is not valid percent-encoded UTF-8"));
            query = Map.of();
        }
        query.forEach((name, values) -> {
            String problem = StorableText.problem(name);
            for (String value : values) {
                problem = problem != null ? problem : StorableText.problem(value);
            }
            if (problem != null) {
                errors.add(new FieldError(name, problem));
            }
        });
        if (errors.isEmpty()) {
            return null;
        }
        return ProblemMapper.build(400, "bad-request", "Bad request", errors.get(0).field() + ": " + errors.get(0).message(),
                errors).build();
    }
}
