package com.outsidein.journeys.journey;

import java.net.URI;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** Answers that carry the journey's version as a strong ETag. */
final class JourneyResponses {

    private JourneyResponses() {
    }

    static Response ok(Object body, long version) {
        return Response.ok(body).tag(new EntityTag(Long.toString(version))).build();
    }

    static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(new EntityTag(Long.toString(version))).build();
    }
}
