package com.outsidein.journeys.report.insight;

import java.time.Instant;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.report.ReportRange;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** Evidence for the design: which conditions really move prospects, and how clean the prospect data is. */
@Path("/api/v1/journeys/{journey}/reports")
@Tag(name = "Reports")
public class InsightReportResource {

    @Inject
    InsightReportService insights;
    @Inject
    AppClock clock;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Path("/transitions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTransitionReport", summary = "For each transition and condition: who met it while in the from step, advance rates with and without it, lift",
            description = "A prospect is in the from step from its first entry until it next enters another step. "
                    + "ATTRIBUTE_EQUALS compares the prospect's current attributes.")
    public InsightReports.TransitionReport transitions(@PathParam("journey") String journey,
            @Parameter(description = "As of this time; default now") @QueryParam("asOf") String asOf) {
        return insights.transitions(caller.teamId(), journey, ReportRange.asOf(asOf, clock.now()));
    }

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Path("/data-quality")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDataQualityReport", summary = "Probable duplicate prospects (same email or name after normalising case, spacing and dots) and mangled values",
            description = "Groups of prospects that are probably one person (same normalised email or name) and attribute values that look mangled (encoding damage, placeholders).")
    public InsightReports.DataQualityReport dataQuality(@PathParam("journey") String journey,
            @Parameter(description = "Most rows per list, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return insights.dataQuality(caller.teamId(), journey, limit);
    }

}
