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
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.problem.RequestValidator;
import com.outsidein.journeys.http.JsonMergePatch;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

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
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Operation(operationId = "listSteps", summary = "List the steps of a journey, in order",
            description = "The steps in journey order, each with its touchpoints and buyer actions.")
    public RestResponse<List<StepDocument>> list(@PathParam("journey") String journey) {
        JourneyDocument doc = journeys.get(caller.teamId(), journey);
        return JourneyResponses.ok(doc.steps(), doc.version());
    }

    @POST
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createStep", summary = "Append a step to the journey",
            description = "Appends the step at the end of the journey; its key must be new in the journey. Location names the step.")
    @APIResponse(responseCode = "201", description = "Created; Location names the step", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StepDocument.class)))
    public RestResponse<StepDocument> create(@PathParam("journey") String journey, StepDocument step, @Context UriInfo uri) {
        validator.checkFields(step, "step");
        RequestValidator.requireFields("step", step.key(), "key");
        JourneyDocument doc = journeys.edit(caller.caller(), journey,
                current -> JourneyEdits.addStep(current, step), () -> JourneyChange.of(ChangeKind.STEP_ADDED, step.key()));
        return JourneyResponses.created(JourneyResource.child(uri, step.key()),
                JourneyEdits.step(doc, step.key()), doc.version());
    }

    @PUT
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/order")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reorderSteps", summary = "Reorder the steps", description = "The body lists every step key once, in the new order; answers the keys in order.")
    public RestResponse<List<String>> reorder(@PathParam("journey") String journey, List<String> keys) {
        JourneyDocument doc = journeys.edit(caller.caller(), journey,
                current -> JourneyEdits.reorderSteps(current, keys), () -> JourneyChange.of(ChangeKind.STEPS_REORDERED, null));
        return JourneyResponses.ok(doc.steps().stream().map(StepDocument::key).toList(), doc.version());
    }

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Path("/{step}")
    @Operation(operationId = "getStep", summary = "Get a step with its touchpoints and actions",
            description = "The step with its touchpoints and buyer actions, carrying the journey's version as ETag.")
    public RestResponse<StepDocument> get(@PathParam("journey") String journey, @PathParam("step") String step) {
        JourneyDocument doc = journeys.get(caller.teamId(), journey);
        return JourneyResponses.ok(JourneyEdits.step(doc, step), doc.version());
    }

    @PUT
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putStep", summary = "Create or replace a step, including its touchpoints and actions",
            description = "Replaces the step (with its touchpoints and actions) or creates it at the end; the key in the path names it, and a key in the body must equal it.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StepDocument.class)))
    @APIResponse(responseCode = "201", description = "Created at the end of the journey", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StepDocument.class)))
    public RestResponse<StepDocument> put(@PathParam("journey") String journey, @PathParam("step") String stepKey, StepDocument body, @Context UriInfo uri) {
        StepDocument step = JourneyValidator.requireBody(body, "step")
                .withKey(ElementPatcher.keyFromPath(body.key(), stepKey));
        validator.checkFields(step, "step");
        boolean[] created = new boolean[1];
        JourneyDocument doc = journeys.edit(caller.caller(), journey, current -> {
            created[0] = current.step(stepKey).isEmpty();
            return JourneyEdits.putStep(current, step);
        }, () -> JourneyChange.put(created[0], ChangeKind.STEP_ADDED, ChangeKind.STEP_REPLACED, stepKey));
        StepDocument saved = JourneyEdits.step(doc, stepKey);
        return JourneyResponses.createdOrOk(created[0], uri.getAbsolutePath(), saved, doc.version());
    }

    @PATCH
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{step}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchStep", summary = "Change parts of a step with a JSON merge patch (RFC 7396)",
            description = "Applies a JSON merge patch to the step; the whole journey is validated afterwards.")
    public RestResponse<StepDocument> patch(@PathParam("journey") String journey, @PathParam("step") String stepKey, JsonNode patch) {
        JourneyDocument doc = journeys.edit(caller.caller(), journey,
                current -> JourneyEdits.putStep(current, patcher.patch(JourneyEdits.step(current, stepKey), patch,
                        StepDocument.class, "step", StepDocument::key)),
                () -> JourneyChange.of(ChangeKind.STEP_PATCHED, stepKey));
        return JourneyResponses.ok(JourneyEdits.step(doc, stepKey), doc.version());
    }

    @DELETE
    @Produces(MediaType.WILDCARD) // 204 with no body: a client accepting only problems must not get 406
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{step}")
    @Operation(operationId = "deleteStep", summary = "Delete a step, its touchpoints, actions and the transitions that touch it",
            description = "Answers 409 while another step's action or a transition condition still names one of its touchpoints or actions.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("journey") String journey, @PathParam("step") String stepKey) {
        JourneyDocument doc = journeys.edit(caller.caller(), journey, current -> JourneyEdits.removeStep(current, stepKey),
                () -> JourneyChange.of(ChangeKind.STEP_DELETED, stepKey));
        return JourneyResponses.deleted(doc.version());
    }
}
