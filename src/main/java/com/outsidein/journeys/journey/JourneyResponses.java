package com.outsidein.journeys.journey;

import java.net.URI;

import jakarta.ws.rs.core.EntityTag;

import org.jboss.resteasy.reactive.RestResponse;

/** Answers that carry the journey's version as a strong ETag. */
final class JourneyResponses {

    private JourneyResponses() {
    }

    static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(new EntityTag(Long.toString(version))).build();
    }

    static <T> RestResponse<T> created(URI location, T body, long version) {
        return RestResponse.ResponseBuilder.<T>created(location).entity(body)
                .tag(new EntityTag(Long.toString(version))).build();
    }

    /** 204 with the journey's new version, so a client can chain its next If-Match. */
    static RestResponse<Void> deleted(long version) {
        return RestResponse.ResponseBuilder.<Void>noContent().tag(new EntityTag(Long.toString(version))).build();
    }

    static <T> RestResponse<T> createdOrOk(boolean created, URI location, T body, long version) {
        return created ? created(location, body, version) : ok(body, version);
    }
}
