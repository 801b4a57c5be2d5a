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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.outsidein.journeys.security.Scopes;
import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.http.JsonMergePatch;

/** The touchpoints of one step. ETags are the journey's version. */
@Path("/api/v1/journeys/{journey}/steps/{step}/touchpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Touchpoints", description = "How the company meets the buyer at a step: channel, human or automated, owner")
public class TouchpointResource {

    private static final StepElementKind<TouchpointDocument> KIND = StepElementKind.TOUCHPOINT;

    @Inject
    StepElementOperations operations;

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Operation(operationId = "listTouchpoints", summary = "List the touchpoints of a step",
            description = "The touchpoints of one step, in order.")
    public RestResponse<List<TouchpointDocument>> list(@PathParam("journey") String journey, @PathParam("step") String step) {
        return operations.list(KIND, journey, step);
    }

    @POST
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTouchpoint", summary = "Add a touchpoint to a step", description = "Touchpoint keys are unique in the whole journey.")
    @APIResponse(responseCode = "201", description = "Created; Location names the touchpoint", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TouchpointDocument.class)))
    public RestResponse<TouchpointDocument> create(@PathParam("journey") String journey, @PathParam("step") String step,
            TouchpointDocument body, @Context UriInfo uri) {
        return operations.create(KIND, journey, step, body, uri.getAbsolutePath());
    }

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Path("/{touchpoint}")
    @Operation(operationId = "getTouchpoint", summary = "Get a touchpoint",
            description = "The touchpoint with its channel, mode, owner and whether it is staffed.")
    public RestResponse<TouchpointDocument> get(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key) {
        return operations.get(KIND, journey, step, key);
    }

    @PUT
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{touchpoint}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putTouchpoint", summary = "Create or replace a touchpoint",
            description = "Replaces the touchpoint or creates it in this step; touchpoint keys are unique in the whole journey.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TouchpointDocument.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TouchpointDocument.class)))
    public RestResponse<TouchpointDocument> put(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key, TouchpointDocument body,
            @Context UriInfo uri) {
        return operations.put(KIND, journey, step, key, body, uri.getAbsolutePath());
    }

    @PATCH
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{touchpoint}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchTouchpoint", summary = "Change parts of a touchpoint with a JSON merge patch (RFC 7396)",
            description = "Applies a JSON merge patch to the touchpoint; the whole journey is validated afterwards.")
    public RestResponse<TouchpointDocument> patch(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key, JsonNode patch) {
        return operations.patch(KIND, journey, step, key, patch);
    }

    @DELETE
    @Produces(MediaType.WILDCARD) // 204 with no body: a client accepting only problems must not get 406
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{touchpoint}")
    @Operation(operationId = "deleteTouchpoint", summary = "Delete a touchpoint", description = "Answers 409 while something still names it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key) {
        return operations.delete(KIND, journey, step, key);
    }
}
