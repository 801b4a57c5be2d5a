package com.outsidein.journeys.source;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/**
 * Segment's HTTP API, so a CDP's own libraries and "Segment-compatible" destinations deliver here by their
 * host and write key alone. Paths also answer with a trailing slash (Segment's Java library posts to /v1/import/).
 */
@Path("/api/v1/sources/segment/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "Events from a CDP or CRM in Segment's format, mapped by the journeys' sourceEvents")
public class SegmentResource {

    private static final String AUTH = " Authenticate as Segment's API does: HTTP Basic with the API key as user name and an "
            + "empty password, or writeKey in the body (or Authorization: Bearer).";
    private static final String BATCH = "Each call that an element of one of the team's journeys maps (sourceEvents) becomes "
            + "that element's event there (STEP_ENTERED, ACTION_PERFORMED or TOUCHPOINT_DELIVERED); a call no journey maps is "
            + "counted as ignored. userId (else anonymousId) is the prospect; identify traits and context.traits are kept per "
            + "person and become the prospect's attributes in every journey. messageId makes the event id, so a re-sent call "
            + "is a duplicate. Time: timestamp - (sentAt - receivedAt). Stored whole or not at all; every bad call is "
            + "listed by index (400).";

    @Inject
    SourceService sources;
    @Inject
    CurrentCaller caller;
    @Inject
    AppClock clock;

    @POST
    @Path("/batch")
    @RolesAllowed(Scopes.EVENTS_WRITE)
    @Operation(operationId = "ingestSegmentBatch", summary = "Receive a Segment batch (up to 500 KB of calls)",
            description = BATCH + AUTH)
    public SourceAnswer batch(@RequestBody(content = @Content(schema = @Schema(implementation = SegmentBatchBody.class))) byte[] body) {
        return sources.receive(caller.caller(), SegmentCalls.batch(body, clock.nowUtc()));
    }

    @POST
    @Path("/import")
    @RolesAllowed(Scopes.EVENTS_WRITE)
    @Operation(operationId = "ingestSegmentImport", summary = "Receive a Segment batch sent to /v1/import (Segment's Java library)",
            description = "The same as /v1/batch. " + BATCH + AUTH)
    public SourceAnswer importBatch(@RequestBody(content = @Content(schema = @Schema(implementation = SegmentBatchBody.class))) byte[] body) {
        return batch(body);
    }

    @POST
    @Path("/track")
    @RolesAllowed(Scopes.EVENTS_WRITE)
    @Operation(operationId = "ingestSegmentTrack", summary = "Receive one Segment track call (up to 32 KB)",
            description = "The event (with its properties) becomes the event of each element that maps it." + AUTH)
    public SourceAnswer track(@RequestBody(content = @Content(schema = @Schema(implementation = SegmentCallBody.class))) byte[] body) {
        return one(body, "track");
    }

    @POST
    @Path("/identify")
    @RolesAllowed(Scopes.EVENTS_WRITE)
    @Operation(operationId = "ingestSegmentIdentify", summary = "Receive one Segment identify call (up to 32 KB)",
            description = "Its traits are kept for the person and become the prospect's attributes in every journey of the team, "
                    + "including journeys where the person appears later." + AUTH)
    public SourceAnswer identify(@RequestBody(content = @Content(schema = @Schema(implementation = SegmentCallBody.class))) byte[] body) {
        return one(body, "identify");
    }

    @POST
    @Path("/page")
    @RolesAllowed(Scopes.EVENTS_WRITE)
    @Operation(operationId = "ingestSegmentPage", summary = "Receive one Segment page call (up to 32 KB)",
            description = "The page name (with its properties) becomes the event of each element that maps it." + AUTH)
    public SourceAnswer page(@RequestBody(content = @Content(schema = @Schema(implementation = SegmentCallBody.class))) byte[] body) {
        return one(body, "page");
    }

    private SourceAnswer one(byte[] body, String type) {
        return sources.receive(caller.caller(), java.util.List.of(SegmentCalls.single(body, type, clock.nowUtc())));
    }
}
