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
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** Transitions between steps, addressed by their two step keys. ETags are the journey's version. */
@Path("/api/v1/journeys/{journey}/transitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transitions", description = "Moves between steps and the conditions that make them")
public class TransitionResource {

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
    @Operation(operationId = "listTransitions", summary = "List the transitions of a journey",
            description = "Every transition of the journey with its conditions.")
    public RestResponse<List<TransitionDocument>> list(@PathParam("journey") String journey) {
        JourneyDocument doc = journeys.get(caller.teamId(), journey);
        List<TransitionDocument> items = doc.transitions();
        return JourneyResponses.ok(items, doc.version());
    }

    @POST
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTransition", summary = "Add a transition",
            description = "Adds the move from one step to another with the conditions that make it; at most one transition per pair of steps. Location names it.")
    @APIResponse(responseCode = "201", description = "Created; Location names the transition", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransitionDocument.class)))
    public RestResponse<TransitionDocument> create(@PathParam("journey") String journey, TransitionDocument body, @Context UriInfo uri) {
        validator.checkFields(body, "transition");
        RequestValidator.requireFields("transition", body.from(), "from", body.to(), "to");
        JourneyDocument doc = journeys.edit(caller.caller(), journey,
                current -> JourneyEdits.addTransition(current, body),
                () -> JourneyChange.of(ChangeKind.TRANSITION_ADDED, body.from() + "/" + body.to()));
        return JourneyResponses.created(JourneyResource.child(uri, body.from(), body.to()),
                JourneyEdits.transition(doc, body.from(), body.to()), doc.version());
    }

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Path("/{from}/{to}")
    @Operation(operationId = "getTransition", summary = "Get the transition between two steps",
            description = "The transition between the two steps, with its conditions.")
    public RestResponse<TransitionDocument> get(@PathParam("journey") String journey, @PathParam("from") String from,
            @PathParam("to") String to) {
        JourneyDocument doc = journeys.get(caller.teamId(), journey);
        return JourneyResponses.ok(JourneyEdits.transition(doc, from, to), doc.version());
    }

    @PUT
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{from}/{to}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putTransition", summary = "Create or replace the transition between two steps",
            description = "Replaces or creates the transition between the two steps named in the path.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransitionDocument.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransitionDocument.class)))
    public RestResponse<TransitionDocument> put(@PathParam("journey") String journey, @PathParam("from") String from,
            @PathParam("to") String to, TransitionDocument body,
            @Context UriInfo uri) {
        JourneyValidator.requireBody(body, "transition");
        if ((body.from() != null && !body.from().equals(from)) || (body.to() != null && !body.to().equals(to))) {
            throw ProblemException.invalid("from", "from and to must equal the steps in the path ('" + from
                    + "' to '" + to + "')");
        }
        TransitionDocument transition = body.withEnds(from, to);
        validator.checkFields(transition, "transition");
        boolean[] created = new boolean[1];
        JourneyDocument doc = journeys.edit(caller.caller(), journey, current -> {
            created[0] = current.transitions().stream().noneMatch(t -> t.connects(from, to));
            return JourneyEdits.putTransition(current, transition);
        }, () -> JourneyChange.put(created[0], ChangeKind.TRANSITION_ADDED, ChangeKind.TRANSITION_REPLACED, from + "/" + to));
        TransitionDocument saved = JourneyEdits.transition(doc, from, to);
        return JourneyResponses.createdOrOk(created[0], uri.getAbsolutePath(), saved, doc.version());
    }

    @PATCH
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{from}/{to}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchTransition", summary = "Change parts of a transition with a JSON merge patch (RFC 7396)",
            description = "Applies a JSON merge patch to the transition; the whole journey is validated afterwards.")
    public RestResponse<TransitionDocument> patch(@PathParam("journey") String journey, @PathParam("from") String from,
            @PathParam("to") String to, JsonNode patch) {
        JourneyDocument doc = journeys.edit(caller.caller(), journey,
                current -> JourneyEdits.putTransition(current, patcher.patch(JourneyEdits.transition(current, from, to),
                        patch, TransitionDocument.class, "transition", t -> t.from() + "->" + t.to())),
                () -> JourneyChange.of(ChangeKind.TRANSITION_PATCHED, from + "/" + to));
        return JourneyResponses.ok(JourneyEdits.transition(doc, from, to), doc.version());
    }

    @DELETE
    @Produces(MediaType.WILDCARD) // 204 with no body: a client accepting only problems must not get 406
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{from}/{to}")
    @Operation(operationId = "deleteTransition", summary = "Delete the transition between two steps",
            description = "Removes the transition; the steps stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("journey") String journey, @PathParam("from") String from,
            @PathParam("to") String to) {
        JourneyDocument doc = journeys.edit(caller.caller(), journey, current -> JourneyEdits.removeTransition(current, from, to),
                () -> JourneyChange.of(ChangeKind.TRANSITION_DELETED, from + "/" + to));
        return JourneyResponses.deleted(doc.version());
    }
}
