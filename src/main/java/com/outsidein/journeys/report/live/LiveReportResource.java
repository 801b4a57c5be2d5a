package com.outsidein.journeys.report.live;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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

import com.outsidein.journeys.report.ReportRange;
import com.outsidein.journeys.report.ReportsConfig;
import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.format.Csv;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** Live gaps: whether buyer actions get their answer, contact pressure and stale prospects. */
@Path("/api/v1/journeys/{journey}/reports")
@Tag(name = "Reports")
public class LiveReportResource {

    @Inject
    LiveReportService reports;
    @Inject
    ReportsConfig limits;
    @Inject
    AppClock clock;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Path("/responses")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @Operation(operationId = "getResponseReport", summary = "Per buyer action: performed, answered in SLA, answered late, unanswered, response times",
            description = "Counts the actions performed in [from, to); answers are matched over all time up to asOf.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveReports.ResponseReport.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    example = "action,step,responseSla,owners,performed,answeredInSla,answeredLate,unanswered,responseP50,responseP90\n"
                            + "asks-to-be-contacted,researches-risk,P1D,Inside sales,120,80,25,15,14400,97200\n") })
    public Response responses(@PathParam("journey") String journey,
            @Parameter(description = "RFC 3339 time or date; default 'to' minus 90 days") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 time or date, exclusive; default now") @QueryParam("to") String to,
            @Parameter(description = "Judge answers as of this time; default now") @QueryParam("asOf") String asOf,
            @Context HttpHeaders headers) {
        Instant now = asOf(asOf);
        ReportRange range = ReportRange.parse(from, to, limits, now);
        LiveReports.ResponseReport report = reports.responses(caller.teamId(), journey, range.from(), range.to(), now);
        return Csv.orJson(headers, report, () -> report.actions().stream().map(ResponseCsvRow::of).toList(),
                ResponseCsvRow.class);
    }

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Path("/responses/open")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listOpenResponses", summary = "The dropped balls: every action still waiting for its answer, oldest first, with who owns it",
            description = "Every buyer action that expects an answer and has none as of asOf, oldest first, with its due time and the owners of the touchpoints that could answer it; paged with nextCursor.")
    public LiveReports.OpenResponses open(@PathParam("journey") String journey,
            @Parameter(description = "As of this time; default now") @QueryParam("asOf") String asOf,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return reports.open(caller.teamId(), journey, asOf(asOf), cursor, limit);
    }

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Path("/contact-pressure")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getContactPressureReport", summary = "Prospects touched more than cap times in any rolling window, worst first; human share per step",
            description = "A window is half-open: touches exactly one window apart do not share it.")
    public LiveReports.ContactPressureReport pressure(@PathParam("journey") String journey,
            @Parameter(description = "ISO-8601 duration") @QueryParam("window") @DefaultValue("P7D") String window,
            @Parameter(description = "Most touches a prospect should get in one window") @QueryParam("cap") @DefaultValue("5") @Min(0) @Max(100000) int cap,
            @Parameter(description = "Most prospects listed, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return reports.pressure(caller.teamId(), journey, window, cap, limit);
    }

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Path("/stale")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStaleReport", summary = "Prospects idle in a step longer than its staleAfter, longest first; follow-ups far past their SLA",
            description = "Prospects whose last event is longer ago than their current step's staleAfter (as of asOf), and answers that came more than lateFactor times their SLA late.")
    public LiveReports.StaleReport stale(@PathParam("journey") String journey,
            @Parameter(description = "As of this time; default now") @QueryParam("asOf") String asOf,
            @Parameter(description = "A follow-up is late when it took more than this many times the SLA")
            @QueryParam("lateFactor") @DefaultValue("3") @DecimalMin("1") @DecimalMax("1000") double lateFactor,
            @Parameter(description = "Most rows per list, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        if (Double.isNaN(lateFactor)) { // 1e309 is above the maximum; NaN compares with nothing
            throw com.outsidein.journeys.problem.ProblemException.badRequest("lateFactor: must be a number",
                    java.util.List.of(new com.outsidein.journeys.problem.FieldError("lateFactor", "must be a number")));
        }
        return reports.stale(caller.teamId(), journey, asOf(asOf), lateFactor, limit);
    }

    private Instant asOf(String text) {
        return ReportRange.asOf(text, clock.now());
    }
}
