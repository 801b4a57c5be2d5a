package com.outsidein.journeys.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The hand-read common shape gives exactly what the ISO formatter gives, and refuses what it refuses. */
class Rfc3339Test {

    private static final List<String> TEXTS = List.of(
            "2026-03-02T09:15:00Z", "2026-03-02T09:15:00.5Z", "2026-03-02T09:15:00.123456789Z",
            "2026-03-02T09:15:00.1234567891Z", "2026-03-02T09:15:00.Z", "2026-03-02T09:15:00+01:00",
            "2026-03-02T09:15:00-05:30", "2026-03-02T09:15:00-00:00", "2026-03-02T09:15:00+18:00",
            "2026-03-02T09:15:00+18:01", "2026-03-02T09:15:00+19:00", "2026-03-02T09:15:00+01:60",
            "2026-03-02T09:15:00+0100", "2026-03-02T09:15:00+01", "2026-03-02T09:15:00+01:00:30",
            "2026-03-02T09:15Z", "2026-03-02t09:15:00z", "2026-03-02 09:15:00Z", "2026-03-02T09:15:00",
            "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z", "2026-03-32T00:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T23:60:00Z",
            "2026-03-02T23:59:60Z", "0000-01-01T00:00:00Z", "+12026-03-02T09:15:00Z", "2026-3-02T09:15:00Z",
            "2026-03-02T09:15:00ZZ", "2026-03-02T09:15:00.12a4Z", "２０２６-03-02T09:15:00Z", "2026-03-02T09:15:0xZ",
            "", "2026-03-02T09:15:00.000000000+05:45");

    @Test
    void agreesWithTheFormatterOnEdgeCases() {
        TEXTS.forEach(Rfc3339Test::assertSameAsFormatter);
    }

    @Test
    void agreesWithTheFormatterOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(20261202);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String fraction = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> "." + random.nextInt(1000);
                case 2 -> "." + String.format("%09d", random.nextInt(1_000_000_000));
                default -> "." + random.nextInt(10);
            };
            String offset = switch (random.nextInt(3)) {
                case 0 -> "Z";
                case 1 -> String.format("+%02d:%02d", random.nextInt(20), random.nextInt(62));
                default -> String.format("-%02d:%02d", random.nextInt(20), random.nextInt(62));
            };
            texts.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d", 1960 + random.nextInt(80), random.nextInt(14),
                    random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61)) + fraction + offset);
        }
        texts.forEach(Rfc3339Test::assertSameAsFormatter);
    }

    private static void assertSameAsFormatter(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException refused) {
            assertThrows(DateTimeParseException.class, () -> Rfc3339.parse(text), text);
            return;
        }
        OffsetDateTime actual = Rfc3339.parse(text);
        assertEquals(expected, actual, text);
        assertEquals(expected.getOffset(), actual.getOffset(), text);
    }
}
