package com.outsidein.journeys.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.outsidein.journeys.format.Csv;
import com.outsidein.journeys.http.ETags;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** The design audit of a journey and the team's acknowledgements of its gaps. */
@Path("/api/v1/journeys/{journey}/gaps")
@Tag(name = "Design audit", description = "Gaps in the design: buyer actions nobody answers, unowned responses, ...")
public class GapResource {

    @Inject
    GapService gaps;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.JOURNEYS_READ)
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @Operation(operationId = "getGaps", summary = "Audit the journey design for gaps",
            description = "JSON by default; CSV (one row per gap, open and acknowledged) with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The gap report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GapReport.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    example = "id,status,type,severity,step,subject,message,fix,acknowledgedReason\n"
                            + "unanswered-action.asks-to-be-contacted,OPEN,UNANSWERED_ACTION,HIGH,researches-risk,"
                            + "asks-to-be-contacted,...,...,\n") })
    public Response report(@PathParam("journey") String journey, @Context HttpHeaders headers) {
        GapReport report = gaps.report(caller.teamId(), journey);
        return Csv.orJson(headers, report, () -> {
            List<GapCsvRow> rows = new ArrayList<>();
            report.gaps().forEach(g -> rows.add(GapCsvRow.of(g, false)));
            report.acknowledged().forEach(g -> rows.add(GapCsvRow.of(g, true)));
            return rows;
        }, GapCsvRow.class);
    }

    @PUT
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{gap}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putGapAcknowledgement", summary = "Acknowledge a gap with a reason",
            description = "It is reported apart until the design element behind it changes; then it lapses and the gap is open again.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Acknowledgement.class)))
    @APIResponse(responseCode = "201", description = "Acknowledged", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Acknowledgement.class)))
    public RestResponse<Acknowledgement> acknowledge(@PathParam("journey") String journey, @PathParam("gap") String gap,
            AcknowledgementRequest request, @Context UriInfo uri) {
        GapService.Acknowledged saved = gaps.acknowledge(caller.teamId(), journey, gap, request);
        RestResponse.ResponseBuilder<Acknowledgement> answer = saved.created()
                ? RestResponse.ResponseBuilder.<Acknowledgement>created(uri.getAbsolutePath())
                : RestResponse.ResponseBuilder.<Acknowledgement>ok();
        return answer.entity(saved.acknowledgement()).tag(ETags.tag(saved.version())).build();
    }

    @DELETE
    @Produces(MediaType.WILDCARD) // 204 with no body: a client accepting only problems must not get 406
    @RolesAllowed(Scopes.JOURNEYS_WRITE)
    @Path("/{gap}/acknowledgement")
    @Operation(operationId = "deleteGapAcknowledgement", summary = "Withdraw the acknowledgement of a gap",
            description = "The gap is open again. If-Match guards against withdrawing an acknowledgement someone just renewed.")
    @APIResponse(responseCode = "204", description = "Withdrawn; the gap is open again")
    public RestResponse<Void> withdraw(@PathParam("journey") String journey, @PathParam("gap") String gap) {
        long version = gaps.withdraw(caller.teamId(), journey, gap);
        return RestResponse.ResponseBuilder.<Void>noContent().tag(ETags.tag(version)).build();
    }
}
