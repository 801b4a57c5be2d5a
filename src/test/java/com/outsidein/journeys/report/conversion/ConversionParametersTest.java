package com.outsidein.journeys.report.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.report.ReportsConfig;

/** Report defaults beyond a lowered maximum are clamped to it, so reports that name no window still work. */
class ConversionParametersTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:15:30.500Z");

    private static ReportsConfig limits(Map<String, Duration> durations) {
        return (ReportsConfig) Proxy.newProxyInstance(ReportsConfig.class.getClassLoader(),
                new Class<?>[] { ReportsConfig.class }, (proxy, method, args) -> durations.get(method.getName()));
    }

    @Test
    void aMaximumBelowTheDefaultClampsTheDefault() {
        ReportsConfig lowered = limits(Map.of("maxRange", Duration.ofDays(30), "maxWindow", Duration.ofDays(7),
                "defaultWindow", Duration.ofDays(90), "defaultRange", Duration.ofDays(90)));
        ConversionParameters parameters = ConversionParameters.parse(null, null, null, null, null, null, lowered, NOW);
        assertEquals("P7D", parameters.window());
        assertEquals(Instant.parse("2026-06-01T10:15:30Z"), parameters.to());
        assertEquals(Instant.parse("2026-05-02T10:15:30Z"), parameters.from());

        ProblemException tooWide = assertThrows(ProblemException.class,
                () -> ConversionParameters.parse(null, null, "P8D", null, null, null, lowered, NOW));
        assertEquals("window", tooWide.errors().get(0).field());
        assertEquals("must be at most 7 days", tooWide.errors().get(0).message());
    }

    @Test
    void theConfiguredDefaultsApplyUnderTheirMaximum() {
        ReportsConfig standard = limits(Map.of("maxRange", Duration.ofDays(731), "maxWindow", Duration.ofDays(366),
                "defaultWindow", Duration.ofDays(14), "defaultRange", Duration.ofDays(60)));
        ConversionParameters parameters = ConversionParameters.parse(null, "2026-03-01", null, "ANY", null, "Week",
                standard, NOW);
        assertEquals("P14D", parameters.window());
        assertEquals(Instant.parse("2025-12-31T00:00:00Z"), parameters.from());
        assertEquals("any", parameters.order());
        assertEquals("week", parameters.interval());
        assertEquals("2026-02-23", parameters.bucketOf(Instant.parse("2026-03-01T12:00:00Z").getEpochSecond()));
    }
}
