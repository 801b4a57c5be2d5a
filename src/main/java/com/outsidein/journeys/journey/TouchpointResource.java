package com.outsidein.journeys.journey;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.outsidein.journeys.security.Scopes;
import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.common.JsonMergePatch;

/** The touchpoints of one step. ETags are the journey's version. */
@Path("/api/v1/journeys/{journey}/steps/{step}/touchpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Touchpoints")
public class TouchpointResource {

    private static final StepElementKind<TouchpointDocument> KIND = StepElementKind.TOUCHPOINT;

    @Inject
    StepElementOperations operations;

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Operation(summary = "List the touchpoints of a step")
    public RestResponse<List<TouchpointDocument>> list(@PathParam("journey") String journey, @PathParam("step") String step) {
        return operations.list(KIND, journey, step);
    }

    @POST
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a touchpoint to a step", description = "Touchpoint keys are unique in the whole journey.")
    @APIResponse(responseCode = "201", description = "Created; Location names the touchpoint")
    public RestResponse<TouchpointDocument> create(@PathParam("journey") String journey, @PathParam("step") String step,
            TouchpointDocument body, @Context UriInfo uri) {
        return operations.create(KIND, journey, step, body, uri.getAbsolutePath());
    }

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Path("/{touchpoint}")
    @Operation(summary = "Get a touchpoint")
    public RestResponse<TouchpointDocument> get(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key) {
        return operations.get(KIND, journey, step, key);
    }

    @PUT
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{touchpoint}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a touchpoint")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<TouchpointDocument> put(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key, TouchpointDocument body,
            @Context UriInfo uri) {
        return operations.put(KIND, journey, step, key, body, uri.getAbsolutePath());
    }

    @PATCH
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{touchpoint}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change parts of a touchpoint with a JSON merge patch (RFC 7396)")
    public RestResponse<TouchpointDocument> patch(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key, JsonNode patch) {
        return operations.patch(KIND, journey, step, key, patch);
    }

    @DELETE
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{touchpoint}")
    @Operation(summary = "Delete a touchpoint", description = "Answers 409 while something still names it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key) {
        return operations.delete(KIND, journey, step, key);
    }
}
