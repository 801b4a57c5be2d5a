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

/** The buyer actions of one step. ETags are the journey's version. */
@Path("/api/v1/journeys/{journey}/steps/{step}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buyer actions")
public class ActionResource {

    @Inject
    JourneyService journeys;
    @Inject
    JourneyValidator validator;
    @Inject
    ElementPatcher patcher;
    @Inject
    CurrentTeam team;

    @GET
    @Operation(summary = "List the actions of a step")
    public RestResponse<List<ActionDocument>> list(@PathParam("journey") String journey, @PathParam("step") String step) {
        JourneyDocument doc = journeys.get(team.id(), journey);
        List<ActionDocument> items = JourneyEdits.step(doc, step).actions();
        return JourneyResponses.ok(items, doc.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a action to a step", description = "Action keys are unique in the whole journey.")
    @APIResponse(responseCode = "201", description = "Created; Location names the action")
    public RestResponse<ActionDocument> create(@PathParam("journey") String journey, @PathParam("step") String step,
            ActionDocument body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        validator.checkFields(body, "action");
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE,
                current -> JourneyEdits.addAction(current, step, body));
        return JourneyResponses.created(JourneyResource.child(uri, body.key()),
                JourneyEdits.action(doc, step, body.key()), doc.version());
    }

    @GET
    @Path("/{action}")
    @Operation(summary = "Get a action")
    public RestResponse<ActionDocument> get(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("action") String key) {
        JourneyDocument doc = journeys.get(team.id(), journey);
        return JourneyResponses.ok(JourneyEdits.action(doc, step, key), doc.version());
    }

    @PUT
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a action")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<ActionDocument> put(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("action") String key, ActionDocument body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context UriInfo uri) {
        ActionDocument element = JourneyValidator.requireBody(body, "action")
                .withKey(ElementPatcher.keyFromPath(body.key(), key));
        validator.checkFields(element, "action");
        boolean[] created = new boolean[1];
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE, current -> {
            created[0] = JourneyEdits.step(current, step).actions().stream().noneMatch(e -> e.key().equals(key));
            return JourneyEdits.putAction(current, step, element);
        });
        ActionDocument saved = JourneyEdits.action(doc, step, key);
        return JourneyResponses.createdOrOk(created[0], uri.getAbsolutePath(), saved, doc.version());
    }

    @PATCH
    @Path("/{action}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change parts of a action with a JSON merge patch (RFC 7396)")
    public RestResponse<ActionDocument> patch(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("action") String key, JsonNode patch, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE,
                current -> JourneyEdits.putAction(current, step, patcher.patch(JourneyEdits.action(current, step, key),
                        patch, ActionDocument.class, "action", ActionDocument::key)));
        return JourneyResponses.ok(JourneyEdits.action(doc, step, key), doc.version());
    }

    @DELETE
    @Path("/{action}")
    @Operation(summary = "Delete a action", description = "Answers 409 while something still names it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("journey") String journey, @PathParam("step") String step,
            @PathParam("action") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.REMOVAL,
                current -> JourneyEdits.removeAction(current, step, key));
        return RestResponse.noContent();
    }
}
