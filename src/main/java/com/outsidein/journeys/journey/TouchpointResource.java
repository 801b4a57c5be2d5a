package com.outsidein.journeys.journey;

import java.util.List;

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
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.common.JsonMergePatch;
import com.outsidein.journeys.common.Precondition;
import com.outsidein.journeys.journey.JourneyService.EditKind;
import com.outsidein.journeys.security.CurrentTeam;

/** The touchpoints of one step. ETags are the journey's version. */
@Path("/api/v1/journeys/{journey}/steps/{step}/touchpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Touchpoints")
public class TouchpointResource {

    @Inject
    JourneyService journeys;
    @Inject
    JourneyValidator validator;
    @Inject
    ElementPatcher patcher;
    @Inject
    CurrentTeam team;

    @GET
    @Operation(summary = "List the touchpoints of a step")
    public RestResponse<List<TouchpointDocument>> list(@PathParam("journey") String journey, @PathParam("step") String step) {
        JourneyDocument doc = journeys.get(team.id(), journey);
        List<TouchpointDocument> items = JourneyEdits.step(doc, step).touchpoints();
        return JourneyResponses.ok(items, doc.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a touchpoint to a step", description = "Touchpoint keys are unique in the whole journey.")
    @APIResponse(responseCode = "201", description = "Created; Location names the touchpoint")
    public RestResponse<TouchpointDocument> create(@PathParam("journey") String journey, @PathParam("step") String step,
            TouchpointDocument body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        validator.checkFields(body, "touchpoint");
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE,
                current -> JourneyEdits.addTouchpoint(current, step, body));
        return JourneyResponses.created(JourneyResource.child(uri, body.key()),
                JourneyEdits.touchpoint(doc, step, body.key()), doc.version());
    }

    @GET
    @Path("/{touchpoint}")
    @Operation(summary = "Get a touchpoint")
    public RestResponse<TouchpointDocument> get(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key) {
        JourneyDocument doc = journeys.get(team.id(), journey);
        return JourneyResponses.ok(JourneyEdits.touchpoint(doc, step, key), doc.version());
    }

    @PUT
    @Path("/{touchpoint}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a touchpoint")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<TouchpointDocument> put(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key, TouchpointDocument body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context UriInfo uri) {
        TouchpointDocument element = JourneyValidator.requireBody(body, "touchpoint")
                .withKey(ElementPatcher.keyFromPath(body.key(), key));
        validator.checkFields(element, "touchpoint");
        boolean[] created = new boolean[1];
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE, current -> {
            created[0] = JourneyEdits.step(current, step).touchpoints().stream().noneMatch(e -> e.key().equals(key));
            return JourneyEdits.putTouchpoint(current, step, element);
        });
        TouchpointDocument saved = JourneyEdits.touchpoint(doc, step, key);
        return JourneyResponses.createdOrOk(created[0], uri.getAbsolutePath(), saved, doc.version());
    }

    @PATCH
    @Path("/{touchpoint}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change parts of a touchpoint with a JSON merge patch (RFC 7396)")
    public RestResponse<TouchpointDocument> patch(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key, JsonNode patch, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE,
                current -> JourneyEdits.putTouchpoint(current, step, patcher.patch(JourneyEdits.touchpoint(current, step, key),
                        patch, TouchpointDocument.class, "touchpoint", TouchpointDocument::key)));
        return JourneyResponses.ok(JourneyEdits.touchpoint(doc, step, key), doc.version());
    }

    @DELETE
    @Path("/{touchpoint}")
    @Operation(summary = "Delete a touchpoint", description = "Answers 409 while something still names it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("touchpoint") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.REMOVAL,
                current -> JourneyEdits.removeTouchpoint(current, step, key));
        return RestResponse.noContent();
    }
}
