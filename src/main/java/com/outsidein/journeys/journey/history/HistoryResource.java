package com.outsidein.journeys.journey.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** Who changed a journey, when, and how. */
@Path("/api/v1/journeys/{journey}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History", description = "Every version of a journey, with the key that wrote it")
public class HistoryResource {

    @Inject
    HistoryService history;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Operation(operationId = "listJourneyVersions", summary = "The journey's versions, newest first, with who made each and how",
            description = "Each version with its time, the key that wrote it and the kind of change; paged with nextCursor.")
    public HistoryPage list(@PathParam("journey") String journey,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return history.list(caller.teamId(), journey, cursor, limit);
    }

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Path("/{version}")
    @Operation(operationId = "getJourneyVersion", summary = "The whole journey document as it was at a version",
            description = "Exactly as GET answered it then. Deleting a journey deletes its history; a journey made again "
                    + "under the same key starts a new one.")
    public JourneyDocument version(@PathParam("journey") String journey, @PathParam("version") long version) {
        return history.version(caller.teamId(), journey, version);
    }

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Path("/{version}/diff")
    @Operation(operationId = "getJourneyDiff", summary = "What changed between two versions",
            description = "Elements added, removed and changed (journey fields, steps, touchpoints, actions, transitions "
                    + "with their conditions), each changed field with its value before and after.")
    public JourneyDiff diff(@PathParam("journey") String journey, @PathParam("version") long version,
            @Parameter(description = "The version to compare with; default: the current one") @QueryParam("to") Long to) {
        return history.diff(caller.teamId(), journey, version, to);
    }
}
