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

import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;

/** The [from, to) range every report takes, with the configured default and bound; and asOf. */
public record ReportRange(Instant from, Instant to) {

    /** Parses from and to (RFC 3339 times or dates), adding every problem to {@code errors}; null parts when bad. */
    public static ReportRange parse(String from, String to, ReportsConfig limits, Instant now, List<FieldError> errors) {
        Instant end = to == null ? now.truncatedTo(ChronoUnit.SECONDS) : instant(to, "to", errors);
        Duration defaultRange = min(limits.defaultRange(), limits.maxRange());
        Instant start = from == null ? (end == null ? null : latest(Instant.EPOCH, end.minus(defaultRange)))
                : instant(from, "from", errors);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new FieldError("from", "must be before 'to'"));
            } else if (Duration.between(start, end).compareTo(limits.maxRange()) > 0) {
                errors.add(new FieldError("to", "the range may span at most " + limits.maxRange().toDays() + " days"));
            }
        }
        return new ReportRange(start, end);
    }

    /**
     * Parses a report's window, adding its problem to {@code errors}; null when bad. A default beyond the configured
     * maximum is clamped to it, so a report without window still works.
     */
    public static Duration window(String text, ReportsConfig limits, List<FieldError> errors) {
        Duration window = text == null ? min(limits.defaultWindow(), limits.maxWindow()) : IsoDurations.parsePositive(text).orElse(null);
        if (window == null) {
            errors.add(new FieldError("window", IsoDurations.MESSAGE));
        } else if (window.compareTo(limits.maxWindow()) > 0) {
            errors.add(new FieldError("window", "must be at most " + limits.maxWindow().toDays() + " days"));
            return null;
        }
        return window;
    }

    /** Parses the range alone, answering 400 for any problem. */
    public static ReportRange parse(String from, String to, ReportsConfig limits, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        ReportRange range = parse(from, to, limits, now, errors);
        throwIfAny(errors);
        return range;
    }

    /** The time a report judges as of: the parameter, or now to the second. */
    public static Instant asOf(String text, Instant now) {
        if (text == null) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        List<FieldError> errors = new ArrayList<>();
        Instant asOf = instant(text, "asOf", errors);
        throwIfAny(errors);
        return asOf;
    }

    /** 400 listing every bad parameter. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : "Invalid report parameters", errors);
        }
    }

    public static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Nothing happened before 1970 (events cannot be older) and answers print four-digit years. */
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant instant(String text, String field, List<FieldError> errors) {
        try {
            Instant at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
            if (at.isBefore(Instant.EPOCH) || at.isAfter(LAST)) {
                errors.add(new FieldError(field, "must be between 1970-01-01 and 9999-12-31"));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an RFC 3339 time (2026-03-02T00:00:00Z) or a date (2026-03-02)"));
            return null;
        }
    }
}
