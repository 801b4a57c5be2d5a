package com.outsidein.journeys.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the ISO-8601 durations the API accepts: {@code PnW}, or days, hours, minutes and seconds ({@code P30D}, {@code PT4H}). */
public final class IsoDurations {

    public static final String MESSAGE = "must be a positive ISO-8601 duration such as P30D, PT4H or P2W (no months or years: their length varies)";
    private static final Pattern WEEKS = Pattern.compile("^P(\\d{1,4})W$");

    private IsoDurations() {
    }

    /** A duration as a person writes it: whole days as {@code P30D}, anything else as {@code PT36H}. */
    public static String format(Duration duration) {
        return duration.getSeconds() % 86_400 == 0 && duration.getNano() == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    /** The duration, or empty when the text is not a positive duration this API accepts. */
    public static Optional<Duration> parsePositive(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Matcher weeks = WEEKS.matcher(text);
            Duration duration = weeks.matches()
                    ? Duration.ofDays(7L * Long.parseLong(weeks.group(1)))
                    : Duration.parse(text);
            return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(duration);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
