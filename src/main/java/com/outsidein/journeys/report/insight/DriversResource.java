package com.outsidein.journeys.report.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.format.Csv;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.report.ReportRange;
import com.outsidein.journeys.report.ReportsConfig;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** What moves a prospect on: the signals that precede advancing from a step, recorded as conditions or not. */
@Path("/api/v1/journeys/{journey}/reports/drivers")
@Tag(name = "Reports")
public class DriversResource {

    @Inject
    DriversService drivers;
    @Inject
    ReportsConfig limits;
    @Inject
    AppClock clock;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Scopes.REPORTS_READ)
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @Operation(operationId = "getDriversReport", summary = "Which actions, touchpoints and attribute values precede a move from a step to the next",
            description = "The population is the prospects whose first entry into the step falls in [from, to) (at t); those who entered "
                    + "the next step (or, past an optional one, the step after it) at or after t and within the window advanced. "
                    + "Signals: each action performed and touchpoint delivered at or after t and before advancing (before t + window "
                    + "for the others), and the 20 most frequent values of each attribute as it is now. Per signal: the 2x2 counts, "
                    + "both rates, lift, the odds ratio with Woolf's 95 % interval (0.5 added to every cell when one is 0), Fisher's "
                    + "exact two-sided p-value, whether it is a recorded condition of a transition from the step, and a verdict. "
                    + "Sorted by p-value, then lift descending.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DriversReport.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = "kind,key,value,with,advancedWith,without,advancedWithout,rateWith,rateWithout,lift,oddsRatio,"
                            + "oddsRatioLow,oddsRatioHigh,pValue,recorded,verdict\n"
                            + "ACTION,asks-to-be-contacted,,40,30,60,15,0.75,0.25,3.0,9.0,3.6,22.5,1.2E-6,false,UNRECORDED_DRIVER\n") })
    public Response drivers(@PathParam("journey") String journey,
            @Parameter(description = "The step whose population is measured", required = true) @QueryParam("step") String step,
            @Parameter(description = "RFC 3339 time or date; default 'to' minus 90 days") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 time or date, exclusive; default now") @QueryParam("to") String to,
            @Parameter(description = "How long after the first entry a move still counts; ISO-8601, default P90D") @QueryParam("window") String window,
            @Parameter(description = "Signals with fewer prospects are left out, 1 to 1,000,000") @QueryParam("minCount") @DefaultValue("10") @Min(1) @Max(1_000_000) int minCount,
            @Parameter(description = "Most signals in the answer, 1 to 500") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Context HttpHeaders headers) {
        Instant now = clock.now();
        List<FieldError> errors = new ArrayList<>();
        ReportRange range = ReportRange.parse(from, to, limits, now, errors);
        Duration windowDuration = ReportRange.window(window, limits, errors);
        ReportRange.throwIfAny(errors);
        DriversReport report = drivers.drivers(caller.teamId(), journey,
                new DriversService.Parameters(step, range.from(), range.to(), windowDuration, minCount, limit));
        return Csv.orJson(headers, report, () -> report.drivers().stream().map(DriversCsvRow::of).toList(), DriversCsvRow.class);
    }
}
