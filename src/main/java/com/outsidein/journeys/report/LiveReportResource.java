package com.outsidein.journeys.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.outsidein.journeys.common.Csv;
import com.outsidein.journeys.common.FieldError;
import com.outsidein.journeys.common.ProblemException;
import com.outsidein.journeys.security.CurrentTeam;

/** Live gaps: whether buyer actions get their answer, contact pressure and stale prospects. */
@Path("/api/v1/journeys/{journey}/reports")
@Tag(name = "Reports")
public class LiveReportResource {

    @Inject
    LiveReportService reports;
    @Inject
    InsightReportService insights;
    @Inject
    ReportsConfig limits;
    @Inject
    CurrentTeam team;

    @GET
    @Path("/responses")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @Operation(summary = "Per buyer action: performed, answered in SLA, answered late, unanswered, response times",
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
        ConversionParameters range = ConversionParameters.parse(from, to, null, null, null, null, limits, now);
        LiveReports.ResponseReport report = reports.responses(team.id(), journey, range.from(), range.to(), now);
        return Csv.orJson(headers, report, () -> report.actions().stream().map(ResponseCsvRow::of).toList(),
                ResponseCsvRow.class);
    }

    @GET
    @Path("/responses/open")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The dropped balls: every action still waiting for its answer, oldest first, with who owns it")
    public LiveReports.OpenResponses open(@PathParam("journey") String journey,
            @Parameter(description = "As of this time; default now") @QueryParam("asOf") String asOf,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return reports.open(team.id(), journey, asOf(asOf), cursor, limit);
    }

    @GET
    @Path("/contact-pressure")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prospects touched more than cap times in any rolling window, worst first; human share per step",
            description = "A window is half-open: touches exactly one window apart do not share it.")
    public LiveReports.ContactPressureReport pressure(@PathParam("journey") String journey,
            @Parameter(description = "ISO-8601 duration") @QueryParam("window") @DefaultValue("P7D") String window,
            @Parameter(description = "Most touches a prospect should get in one window") @QueryParam("cap") @DefaultValue("5") @Min(0) @Max(100000) int cap,
            @Parameter(description = "Most prospects listed, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return reports.pressure(team.id(), journey, window, cap, limit);
    }

    @GET
    @Path("/stale")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prospects idle in a step longer than its staleAfter, longest first; follow-ups far past their SLA")
    public LiveReports.StaleReport stale(@PathParam("journey") String journey,
            @Parameter(description = "As of this time; default now") @QueryParam("asOf") String asOf,
            @Parameter(description = "A follow-up is late when it took more than this many times the SLA")
            @QueryParam("lateFactor") @DefaultValue("3") @DecimalMin("1") double lateFactor,
            @Parameter(description = "Most rows per list, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return reports.stale(team.id(), journey, asOf(asOf), lateFactor, limit);
    }

    @GET
    @Path("/transitions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "For each transition and condition: who met it while in the from step, advance rates with and without it, lift",
            description = "A prospect is in the from step from its first entry until it next enters another step. "
                    + "ATTRIBUTE_EQUALS compares the prospect's current attributes.")
    public InsightReports.TransitionReport transitions(@PathParam("journey") String journey,
            @Parameter(description = "As of this time; default now") @QueryParam("asOf") String asOf) {
        return insights.transitions(team.id(), journey, asOf(asOf));
    }

    @GET
    @Path("/data-quality")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Probable duplicate prospects (same email or name after normalising case, spacing and dots) and mangled values")
    public InsightReports.DataQualityReport dataQuality(@PathParam("journey") String journey,
            @Parameter(description = "Most rows per list, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return insights.dataQuality(team.id(), journey, limit);
    }

    private static Instant asOf(String text) {
        if (text == null) {
            return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf: must be an RFC 3339 time",
                    List.of(new FieldError("asOf", "must be an RFC 3339 time, e.g. 2026-03-02T00:00:00Z")));
        }
    }
}
