package com.outsidein.journeys;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every request the suite sends under /api and every answer it gets are checked against the committed
 * openapi/openapi.yaml: an answer the contract does not describe fails the test that provoked it. A
 * request the service refused (4xx) was meant to break the contract, so only its answer is checked.
 */
public class ContractValidationFilter implements OrderedFilter {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("openapi", "openapi.yaml").toUri().toString())
            .withLevelResolver(LevelResolver.create()
                    // Keys are the security tests' business; the contract declares the scheme.
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path;
        try {
            path = URI.create(request.getURI()).getRawPath();
        } catch (IllegalArgumentException notAUri) {
            return response; // a hostile test's own malformed URI: nothing in the contract to compare with
        }
        // OPTIONS and HEAD are HTTP's own answers for every resource, not operations of the contract.
        if (path == null || !path.startsWith("/api/") || request.getMethod().equals("OPTIONS")
                || request.getMethod().equals("HEAD")) {
            return response;
        }
        // 405, 414 and 431 are the HTTP layer's answers to any request (README): a method the resource does
        // not offer, a target or headers over the limits. They belong to no operation; HttpSemanticsTest and
        // ProblemAnswersTest check them.
        if (response.statusCode() == 405 || response.statusCode() == 414 || response.statusCode() == 431) {
            return response;
        }
        ValidationReport report;
        if (response.statusCode() < 400) {
            report = VALIDATOR.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        } else {
            report = VALIDATOR.validateResponse(path, Request.Method.valueOf(request.getMethod()),
                    RestAssuredResponse.of(response));
        }
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                // An answer to a path the contract does not know (a refused one) has nothing to match.
                .filter(m -> response.statusCode() < 400 || !m.getKey().equals("validation.request.path.missing"))
                // The service reads an empty query parameter (limit=) as an absent one; the validator calls it missing.
                .filter(m -> !(m.getKey().equals("validation.request.parameter.missing") && emptyQueryParameter(request, m)))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("Not as the contract says: " + request.getMethod() + " " + path + " answered "
                    + response.statusCode() + ": " + errors.stream().map(m -> m.getKey() + " " + m.getMessage()).toList());
        }
        return response;
    }

    private static boolean emptyQueryParameter(FilterableRequestSpecification request, ValidationReport.Message message) {
        String raw = URI.create(request.getURI()).getRawQuery();
        if (raw == null) {
            return false;
        }
        for (String pair : raw.split("&")) {
            if (pair.endsWith("=") && message.getMessage().contains("'" + pair.substring(0, pair.length() - 1) + "'")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
