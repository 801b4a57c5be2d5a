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

/** The buyer actions of one step. ETags are the journey's version. */
@Path("/api/v1/journeys/{journey}/steps/{step}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buyer actions", description = "What the buyer does at a step, and which touchpoints answer it within what time")
public class ActionResource {

    private static final StepElementKind<ActionDocument> KIND = StepElementKind.ACTION;

    @Inject
    StepElementOperations operations;

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Operation(operationId = "listActions", summary = "List the buyer actions of a step",
            description = "The buyer actions of one step, in order.")
    public RestResponse<List<ActionDocument>> list(@PathParam("journey") String journey, @PathParam("step") String step) {
        return operations.list(KIND, journey, step);
    }

    @POST
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAction", summary = "Add a buyer action to a step", description = "Action keys are unique in the whole journey.")
    @APIResponse(responseCode = "201", description = "Created; Location names the action", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionDocument.class)))
    public RestResponse<ActionDocument> create(@PathParam("journey") String journey, @PathParam("step") String step,
            ActionDocument body, @Context UriInfo uri) {
        return operations.create(KIND, journey, step, body, uri.getAbsolutePath());
    }

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Path("/{action}")
    @Operation(operationId = "getAction", summary = "Get a buyer action",
            description = "The buyer action, with what it expects in answer and which touchpoints answer it.")
    public RestResponse<ActionDocument> get(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("action") String key) {
        return operations.get(KIND, journey, step, key);
    }

    @PUT
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putAction", summary = "Create or replace a buyer action",
            description = "Replaces the action or creates it in this step; action keys are unique in the whole journey.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionDocument.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionDocument.class)))
    public RestResponse<ActionDocument> put(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("action") String key, ActionDocument body,
            @Context UriInfo uri) {
        return operations.put(KIND, journey, step, key, body, uri.getAbsolutePath());
    }

    @PATCH
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{action}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchAction", summary = "Change parts of a buyer action with a JSON merge patch (RFC 7396)",
            description = "Applies a JSON merge patch to the action; the whole journey is validated afterwards.")
    public RestResponse<ActionDocument> patch(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("action") String key, JsonNode patch) {
        return operations.patch(KIND, journey, step, key, patch);
    }

    @DELETE
    @Produces(MediaType.WILDCARD) // 204 with no body: a client accepting only problems must not get 406
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{action}")
    @Operation(operationId = "deleteAction", summary = "Delete a buyer action", description = "Answers 409 while something still names it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("action") String key) {
        return operations.delete(KIND, journey, step, key);
    }
}
