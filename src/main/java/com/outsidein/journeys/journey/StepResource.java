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

/** The steps of a journey, one at a time. ETags are the journey's version. */
@Path("/api/v1/journeys/{journey}/steps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Steps", description = "Steps of a journey, with their touchpoints and actions")
public class StepResource {

    @Inject
    JourneyService journeys;
    @Inject
    JourneyValidator validator;
    @Inject
    ElementPatcher patcher;
    @Inject
    CurrentTeam team;

    @GET
    @Operation(summary = "List the steps of a journey, in order")
    public RestResponse<List<StepDocument>> list(@PathParam("journey") String journey) {
        JourneyDocument doc = journeys.get(team.id(), journey);
        return JourneyResponses.ok(doc.steps(), doc.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append a step to the journey")
    @APIResponse(responseCode = "201", description = "Created; Location names the step")
    public RestResponse<StepDocument> create(@PathParam("journey") String journey, StepDocument step,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        validator.checkFields(step, "step");
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE,
                current -> JourneyEdits.addStep(current, step));
        return JourneyResponses.created(JourneyResource.child(uri, step.key()),
                JourneyEdits.step(doc, step.key()), doc.version());
    }

    @PUT
    @Path("/order")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reorder the steps", description = "The body lists every step key once, in the new order; answers the keys in order.")
    public RestResponse<List<String>> reorder(@PathParam("journey") String journey, List<String> keys,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE,
                current -> JourneyEdits.reorderSteps(current, keys));
        return JourneyResponses.ok(doc.steps().stream().map(StepDocument::key).toList(), doc.version());
    }

    @GET
    @Path("/{step}")
    @Operation(summary = "Get a step with its touchpoints and actions")
    public RestResponse<StepDocument> get(@PathParam("journey") String journey, @PathParam("step") String step) {
        JourneyDocument doc = journeys.get(team.id(), journey);
        return JourneyResponses.ok(JourneyEdits.step(doc, step), doc.version());
    }

    @PUT
    @Path("/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a step, including its touchpoints and actions")
    @APIResponse(responseCode = "201", description = "Created at the end of the journey")
    public RestResponse<StepDocument> put(@PathParam("journey") String journey, @PathParam("step") String stepKey, StepDocument body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        StepDocument step = JourneyValidator.requireBody(body, "step")
                .withKey(ElementPatcher.keyFromPath(body.key(), stepKey));
        validator.checkFields(step, "step");
        boolean[] created = new boolean[1];
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE, current -> {
            created[0] = current.step(stepKey).isEmpty();
            return JourneyEdits.putStep(current, step);
        });
        StepDocument saved = JourneyEdits.step(doc, stepKey);
        return JourneyResponses.createdOrOk(created[0], uri.getAbsolutePath(), saved, doc.version());
    }

    @PATCH
    @Path("/{step}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change parts of a step with a JSON merge patch (RFC 7396)")
    public RestResponse<StepDocument> patch(@PathParam("journey") String journey, @PathParam("step") String stepKey, JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE,
                current -> JourneyEdits.putStep(current, patcher.patch(JourneyEdits.step(current, stepKey), patch,
                        StepDocument.class, "step", StepDocument::key)));
        return JourneyResponses.ok(JourneyEdits.step(doc, stepKey), doc.version());
    }

    @DELETE
    @Path("/{step}")
    @Operation(summary = "Delete a step, its touchpoints, actions and the transitions that touch it",
            description = "Answers 409 while another step's action or a transition condition still names one of its touchpoints or actions.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("journey") String journey, @PathParam("step") String stepKey,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.REMOVAL,
                current -> JourneyEdits.removeStep(current, stepKey));
        return RestResponse.noContent();
    }
}
