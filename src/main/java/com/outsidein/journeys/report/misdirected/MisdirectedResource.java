package com.outsidein.journeys.report.misdirected;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.format.Csv;
import com.outsidein.journeys.report.ReportRange;
import com.outsidein.journeys.report.ReportsConfig;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** Who got a touchpoint they should not have: the automation running without knowing who it talks to. */
@Path("/api/v1/journeys/{journey}/reports/misdirected")
@Tag(name = "Reports")
public class MisdirectedResource {

    @Inject
    MisdirectedService reports;
    @Inject
    ReportsConfig limits;
    @Inject
    AppClock clock;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @Operation(operationId = "getMisdirectedReport", summary = "Per touchpoint: deliveries in range that went to someone it excludes or who had opted out",
            description = "A delivery in [from, to) is misdirected when, at its time, the prospect matched one of the touchpoint's "
                    + "excludes (ATTRIBUTE_IN on the prospect's current attributes; REACHED_STEP and ACTION_PERFORMED strictly "
                    + "before the delivery) or had opted out of its channel, or of every channel, before it. Counts per rule and "
                    + "for OPTED_OUT, the owner, and up to 20 examples, earliest first.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MisdirectedReport.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = "touchpoint,step,channel,owner,delivered,misdirected,optedOut,rules\n"
                            + "speaker-invitation,hears-of-conference,EMAIL,Events team,1200,37,4,ATTRIBUTE_IN role=33\n") })
    public Response misdirected(@PathParam("journey") String journey,
            @Parameter(description = "RFC 3339 time or date; default 'to' minus 90 days") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 time or date, exclusive; default now") @QueryParam("to") String to,
            @Context HttpHeaders headers) {
        Instant now = clock.now();
        ReportRange range = ReportRange.parse(from, to, limits, now);
        MisdirectedReport report = reports.misdirected(caller.teamId(), journey, range.from(), range.to());
        return Csv.orJson(headers, report, () -> report.touchpoints().stream().map(MisdirectedCsvRow::of).toList(),
                MisdirectedCsvRow.class);
    }
}
