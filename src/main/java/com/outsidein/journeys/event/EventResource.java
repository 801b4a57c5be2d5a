package com.outsidein.journeys.event;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** Prospect events in, prospect state out. */
@Path("/api/v1/journeys/{journey}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Prospect events from CRM and marketing tools")
public class EventResource {

    @Inject
    EventIngestService ingest;
    @Inject
    ProspectService prospects;
    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed(Scopes.EVENTS_WRITE)
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestEvents", summary = "Ingest a batch of up to 10,000 prospect events",
            description = "Validated whole: one bad item answers 422 listing every bad item by index, and nothing is stored. "
                    + "Events are idempotent by id within their prospect (as Mixpanel's $insert_id): the same prospect and id again "
                    + "counts as a duplicate, with other content it is a 422; the same id for another prospect is another event.")
    public IngestResult ingest(@PathParam("journey") String journey, List<EventRequest> events) {
        return ingest.ingest(caller.caller(), journey, events);
    }

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Path("/prospects/{prospect}")
    @Operation(operationId = "getProspect", summary = "A prospect's current step, attributes and timeline",
            description = "The timeline is paged oldest first; currentStep always reflects every event.")
    public ProspectView prospect(@PathParam("journey") String journey, @PathParam("prospect") String prospect,
            @Parameter(description = "Timeline events per page, 1 to 5000") @QueryParam("limit") @DefaultValue("1000")
            @Min(1) @Max(5000) int limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return prospects.get(caller.teamId(), journey, prospect, cursor, limit);
    }
}
