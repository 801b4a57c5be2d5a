package com.outsidein.journeys.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.outsidein.journeys.common.FieldError;
import com.outsidein.journeys.common.IsoDurations;
import com.outsidein.journeys.common.ProblemException;

/** The effective parameters of a conversion report, echoed in every answer. */
@Schema(name = "ConversionParameters")
public record ConversionParameters(
        @Schema(description = "Start of the range of first step-1 entries (inclusive)") Instant from,
        @Schema(description = "End of the range (exclusive)") Instant to,
        @Schema(example = "P90D") String window,
        @Schema(example = "ordered") String order,
        @Schema(description = "Attribute to split funnels by") String breakdown,
        @Schema(example = "week") String interval) {

    public static final String DEFAULT_WINDOW = "P90D";

    /** Parses query parameters; every bad one is reported together as a 400. */
    public static ConversionParameters parse(String from, String to, String window, String order, String breakdown,
            String interval, ReportsConfig limits, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Instant end = to == null ? now.truncatedTo(ChronoUnit.SECONDS) : instant(to, "to", errors);
        Instant start = from == null ? (end == null ? null : end.minus(Duration.ofDays(90))) : instant(from, "from", errors);
        String windowText = window == null ? DEFAULT_WINDOW : window;
        Duration windowDuration = IsoDurations.parsePositive(windowText).orElse(null);
        if (windowDuration == null) {
            errors.add(new FieldError("window", IsoDurations.MESSAGE));
        } else if (windowDuration.compareTo(limits.maxWindow()) > 0) {
            errors.add(new FieldError("window", "must be at most " + limits.maxWindow().toDays() + " days"));
        }
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
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new FieldError("from", "must be before 'to'"));
            } else if (Duration.between(start, end).compareTo(limits.maxRange()) > 0) {
                errors.add(new FieldError("to", "the range may span at most " + limits.maxRange().toDays() + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : "Invalid report parameters", errors);
        }
        return new ConversionParameters(start, end, windowText, orderValue, breakdown, intervalValue);
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

    private static Instant instant(String text, String field, List<FieldError> errors) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an RFC 3339 time (2026-03-02T00:00:00Z) or a date (2026-03-02)"));
            return null;
        }
    }
}
