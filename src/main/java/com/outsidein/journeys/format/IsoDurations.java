package com.outsidein.journeys.format;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A duration as a person reads it on a picture: {@code PT10M} is "10 min", {@code P3D} "3 days",
     * {@code PT1H30M} "1 h 30 min", {@code P2W} "2 weeks"; the text itself when it is not a duration.
     */
    public static String readable(String text) {
        Optional<Duration> parsed = parsePositive(text);
        if (parsed.isEmpty()) {
            return text;
        }
        long seconds = parsed.get().getSeconds();
        if (seconds % 604_800 == 0) {
            long weeks = seconds / 604_800;
            return weeks + (weeks == 1 ? " week" : " weeks");
        }
        return String.join(" ", units(seconds, 4));
    }

    /**
     * A measured time (a median, say) as a person reads it, to its two largest units: 100,000 s is
     * "1 day 3 h", 190 s "3 min 10 s", 0 s "0 s".
     */
    public static String roughly(long seconds) {
        List<String> units = units(Math.max(0, seconds), 2);
        return units.isEmpty() ? "0 s" : String.join(" ", units);
    }

    /** The non-zero days, hours, minutes and seconds, largest first, at most {@code count} of them from the first. */
    private static List<String> units(long seconds, int count) {
        long[] amounts = { seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60 };
        String[] names = { " day", " h", " min", " s" };
        List<String> out = new ArrayList<>();
        int first = -1;
        for (int i = 0; i < amounts.length; i++) {
            if (first < 0 && amounts[i] > 0) {
                first = i;
            }
            if (first >= 0 && i - first < count && amounts[i] > 0) {
                out.add(amounts[i] + names[i] + (i == 0 && amounts[i] != 1 ? "s" : ""));
            }
        }
        return out;
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
