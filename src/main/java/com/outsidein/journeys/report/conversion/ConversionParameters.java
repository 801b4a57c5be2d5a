package com.outsidein.journeys.report.conversion;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.report.ReportRange;
import com.outsidein.journeys.report.ReportsConfig;

/** The effective parameters of a conversion report, echoed in every answer. */
@Schema(name = "ConversionParameters")
public record ConversionParameters(
        @Schema(description = "Start of the range of first step-1 entries (inclusive)") Instant from,
        @Schema(description = "End of the range (exclusive)") Instant to,
        @Schema(example = "P90D") String window,
        @Schema(example = "ordered") String order,
        @Schema(description = "Attribute to split funnels by") String breakdown,
        @Schema(example = "week") String interval) {

    /** Parses query parameters; every bad one is reported together as a 400. */
    public static ConversionParameters parse(String from, String to, String window, String order, String breakdown,
            String interval, ReportsConfig limits, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        ReportRange range = ReportRange.parse(from, to, limits, now, errors);
        Duration windowDuration = ReportRange.window(window, limits, errors);
        String windowText = window == null && windowDuration != null ? IsoDurations.format(windowDuration) : window;
        String orderValue = order == null ? "ordered" : order.toLowerCase(Locale.ROOT);
        if (!orderValue.equals("ordered") && !orderValue.equals("any")) {
            errors.add(new FieldError("order", "must be 'ordered' or 'any'"));
        }
        String intervalValue = interval == null ? null : interval.toLowerCase(Locale.ROOT);
        if (intervalValue != null && !List.of("day", "week", "month").contains(intervalValue)) {
            errors.add(new FieldError("interval", "must be 'day', 'week' or 'month'"));
        }
        if (breakdown != null && (breakdown.isBlank() || breakdown.length() > 100)) {
            errors.add(new FieldError("breakdown", "must be an attribute name of 1 to 100 characters"));
        }
        ReportRange.throwIfAny(errors);
        return new ConversionParameters(range.from(), range.to(), windowText, orderValue, breakdown, intervalValue);
    }

    public Duration windowDuration() {
        return IsoDurations.parsePositive(window).orElseThrow();
    }

    public boolean ordered() {
        return "ordered".equals(order);
    }

    /** The start of the interval bucket an instant falls in, as a date (UTC), or null without an interval. */
    public String bucketOf(long epochSecond) {
        if (interval == null) {
            return null;
        }
        LocalDate day = Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC).toLocalDate();
        return switch (interval) {
            case "week" -> day.minusDays(day.getDayOfWeek().getValue() - 1L).toString();
            case "month" -> day.withDayOfMonth(1).toString();
            default -> day.toString();
        };
    }
}
