package com.outsidein.journeys.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** A pipeline's check before it saves: the gaps a proposed document would open or close. */
@Path("/api/v1/journeys/{journey}/preview")
@Tag(name = "Design audit")
public class PreviewResource {

    @Inject
    GapService gaps;
    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewJourney", summary = "The gap report a proposed document would have, and which gaps it opens or closes",
            description = "Validates the whole proposed document as a PUT would (422 with the fields), then answers its gaps "
                    + "with newGaps and resolvedGaps against the stored version; every gap is new for a journey not stored "
                    + "yet. Stores nothing and changes no version, so it needs only journeys:read.")
    @APIResponse(responseCode = "200", description = "The proposal's gaps",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GapPreview.class)))
    public GapPreview preview(@PathParam("journey") String journey, JourneyDocument proposal) {
        return gaps.preview(caller.teamId(), journey, com.outsidein.journeys.problem.RequestValidator.requireBody(proposal, "journey"));
    }
}
