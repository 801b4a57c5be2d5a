package com.outsidein.journeys.http;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Declares, in one place, the headers and conditional answers the HTTP layer adds to every operation:
 * ETag and 304 on every GET (ConditionalResponses), ETag on design writes, Location on 201,
 * Retry-After on 429 and 503, WWW-Authenticate on 401. Called by {@link ProblemResponsesFilter}.
 */
final class ContractHeaders {

    private static final String JOURNEY = "/api/v1/journeys/{journey}";

    private ContractHeaders() {
    }

    /** Runs after the problem answers are added, so their headers are declared too. */
    static void declare(String path, PathItem.HttpMethod method, Operation operation) {
        var responses = operation.getResponses();
        boolean get = method == PathItem.HttpMethod.GET;
        boolean designWrite = path.startsWith(JOURNEY) && !path.endsWith("/events") && !path.endsWith("/preview") && !get;
        if (get && responses.getAPIResponse("304") == null) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current ETag"));
        }
        responses.getAPIResponses().forEach((status, response) -> {
            boolean success = status.startsWith("2") || status.equals("304");
            if ((get || designWrite) && success) {
                header(response, "ETag", "The journey's version, or a digest of this derived answer", "\"7\"");
            }
            if (status.equals("201")) {
                header(response, "Location", "Where the created resource lives", null);
            }
            if (status.equals("429") || status.equals("503")) {
                header(response, "Retry-After", "Seconds to wait before retrying", "5");
            }
            if (status.equals("401")) {
                header(response, "WWW-Authenticate", "The Bearer challenge", "Bearer realm=\"purchase-journeys\"");
            }
        });
    }

    private static void header(APIResponse response, String name, String description, String example) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
        if (example != null) {
            header.example(example);
        }
        response.addHeader(name, header);
    }
}
