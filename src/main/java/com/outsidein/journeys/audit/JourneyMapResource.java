package com.outsidein.journeys.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.outsidein.journeys.format.SvgText;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** The journey drawn as a wall chart with its gaps marked. */
@Path("/api/v1/journeys/{journey}/map.svg")
@Tag(name = "Design audit")
public class JourneyMapResource {

    public static final String SVG = SvgText.MEDIA_TYPE;

    @Inject
    GapService gaps;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Produces(SVG)
    @Operation(operationId = "getJourneyMap", summary = "Draw the journey as an SVG map with every gap marked in red",
            description = "Steps as columns, HUMAN touchpoints solid, AUTOMATED dashed, buyer actions linked to the touchpoints that answer them, every open gap in red on its element.")
    @APIResponse(responseCode = "200", description = "The map", content = @Content(mediaType = SVG,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            example = "<svg xmlns=\"http://www.w3.org/2000/svg\" ...>...</svg>"))
    public String map(@PathParam("journey") String journey) {
        return gaps.map(caller.teamId(), journey);
    }
}
