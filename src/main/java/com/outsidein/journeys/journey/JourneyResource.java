package com.outsidein.journeys.journey;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.http.JsonMergePatch;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** Whole journey documents: journey-as-code. */
@Path("/api/v1/journeys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journeys", description = "Whole journey documents (journey-as-code)")
public class JourneyResource {

    @Inject
    JourneyService journeys;
    @Inject
    ElementPatcher patcher;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Operation(operationId = "listJourneys", summary = "List the team's journeys, in key order",
            description = "Pages through the calling team's journeys in key order; nextCursor fetches the next page. Other teams' journeys never appear.")
    public JourneyPage list(
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return journeys.list(caller.teamId(), cursor, limit);
    }

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Path("/{journey}")
    @Operation(operationId = "getJourney", summary = "Get a whole journey document", description = "Answers 304 when If-None-Match names the current ETag.")
    @APIResponse(responseCode = "200", description = "The journey", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JourneyDocument.class)))
    public RestResponse<JourneyDocument> get(@PathParam("journey") String journey) {
        JourneyDocument doc = journeys.get(caller.teamId(), journey);
        return JourneyResponses.ok(doc, doc.version());
    }

    @PUT
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{journey}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putJourney", summary = "Create or replace a whole journey document",
            description = "Idempotent: an unchanged document keeps its version. The body's version, if any, is checked like If-Match.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JourneyDocument.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JourneyDocument.class)))
    public RestResponse<JourneyDocument> put(@PathParam("journey") String journey, JourneyDocument document, @Context UriInfo uri) {
        JourneyService.Saved saved = journeys.put(caller.caller(), journey, document);
        return saved.created()
                ? JourneyResponses.created(uri.getAbsolutePath(), saved.document(), saved.document().version())
                : JourneyResponses.ok(saved.document(), saved.document().version());
    }

    @PATCH
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{journey}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchJourney", summary = "Change parts of a journey document with a JSON merge patch (RFC 7396)",
            description = "Applies a JSON merge patch to the whole document; arrays (steps, transitions) are replaced whole. The result is validated like a PUT; If-Match guards against lost updates.")
    public RestResponse<JourneyDocument> patch(@PathParam("journey") String journey, JsonNode patch) {
        JourneyDocument doc = journeys.edit(caller.caller(), journey,
                current -> patcher.patch(current, patch, JourneyDocument.class, "journey", JourneyDocument::key),
                () -> JourneyChange.of(ChangeKind.PATCHED, null));
        return JourneyResponses.ok(doc, doc.version());
    }

    @DELETE
    @Produces(MediaType.WILDCARD) // 204 with no body: a client accepting only problems must not get 406
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{journey}")
    @Operation(operationId = "deleteJourney", summary = "Delete a journey and everything in it",
            description = "Deletes the journey with its design, acknowledgements, prospects and history. If-Match guards against deleting a version you have not seen.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("journey") String journey) {
        journeys.delete(caller.caller(), journey);
        return RestResponse.noContent();
    }

    static URI child(UriInfo uri, String... segments) {
        var builder = uri.getAbsolutePathBuilder();
        for (String segment : segments) {
            builder.path(segment);
        }
        return builder.build();
    }
}
