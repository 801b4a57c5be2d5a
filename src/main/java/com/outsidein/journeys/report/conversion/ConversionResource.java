package com.outsidein.journeys.report.conversion;

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

import com.outsidein.journeys.report.ReportsConfig;
import com.outsidein.journeys.format.Csv;
import com.outsidein.journeys.format.SvgText;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** Step conversion for analysts: JSON by default, CSV with {@code Accept: text/csv}. */
@Path("/api/v1/journeys/{journey}/reports")
@Tag(name = "Reports", description = "How real prospects move through the journey")
public class ConversionResource {

    @Inject
    ConversionService conversion;
    @Inject
    ReportsConfig limits;
    @Inject
    com.outsidein.journeys.format.AppClock clock;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Path("/conversion")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, SvgText.MEDIA_TYPE })
    @Operation(operationId = "getConversionReport", summary = "Step conversion: entered, converted, rates, drop-off and time to convert per step",
            description = "Population: prospects whose first entry into step 1 is in [from, to). order=ordered follows the "
                    + "journey's step order within the window; order=any drops the order but keeps the window. "
                    + "With Accept: image/svg+xml the same report is drawn as a funnel chart: one panel per funnel "
                    + "(breakdown value, interval bucket), a bar per step with entered and converted, the rates and "
                    + "the median time to convert.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversionReport.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = "bucket,segment,step,optional,entered,converted,conversionRate,overallRate,droppedOff,p50,p75,p90,p95,mean\n"
                            + ",,notices-risk,false,1000,412,0.412,1.0,588,86400,172800,259200,345600,99201.5\n"),
            @Content(mediaType = SvgText.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = "<svg xmlns=\"http://www.w3.org/2000/svg\" ...>...</svg>") })
    public Response report(@PathParam("journey") String journey,
            @Parameter(description = "RFC 3339 time or date; default: 'to' minus 90 days") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 time or date, exclusive; default: now") @QueryParam("to") String to,
            @Parameter(description = "ISO-8601 duration from the step-1 entry; default P90D") @QueryParam("window") String window,
            @Parameter(description = "ordered (default) or any") @QueryParam("order") String order,
            @Parameter(description = "An attribute: one funnel per value, plus (none)") @QueryParam("breakdown") String breakdown,
            @Parameter(description = "day, week or month: one funnel per bucket of step-1 entry") @QueryParam("interval") String interval,
            @Context HttpHeaders headers) {
        ConversionParameters parameters = ConversionParameters.parse(from, to, window, order, breakdown, interval, limits,
                clock.now());
        if (SvgText.wanted(headers)) {
            return Response.ok(conversion.chart(caller.teamId(), journey, parameters), SvgText.MEDIA_TYPE).build();
        }
        ConversionReport report = conversion.conversion(caller.teamId(), journey, parameters);
        return Csv.orJson(headers, report, () -> report.funnels().stream()
                .flatMap(f -> f.steps().stream().map(s -> ConversionCsvRow.of(f, s))).toList(), ConversionCsvRow.class);
    }

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Path("/conversion/steps/{step}/prospects")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listConversionProspects", summary = "Who converted from a step, or dropped off at it (cursor-paginated)",
            description = "The prospects counted as converted from the step, or as dropped at it, with the same parameters as the conversion report; paged in a stable order with nextCursor.")
    public ConversionService.ProspectPage prospects(@PathParam("journey") String journey, @PathParam("step") String step,
            @Parameter(description = "converted or dropped") @QueryParam("status") @DefaultValue("dropped") String status,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("window") String window,
            @QueryParam("order") String order,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return conversion.prospects(caller.teamId(), journey, step, status,
                ConversionParameters.parse(from, to, window, order, null, null, limits, clock.now()), cursor, limit);
    }
}
