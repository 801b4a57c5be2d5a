package com.outsidein.journeys.report.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.progress.ProgressEntries;
import com.outsidein.journeys.report.StepSpec;

/** A breakdown by a high-cardinality attribute stops at the funnel limit while prospects are counted. */
class ConversionCalculatorTest {

    @Test
    void theFunnelLimitStopsTheScanAtTheFirstFunnelTooMany() {
        ConversionParameters parameters = new ConversionParameters(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), "P30D", "ordered", "email", null);
        ConversionCalculator calculator = new ConversionCalculator(
                List.of(new StepSpec("a", "A", false, 0), new StepSpec("b", "B", false, 1)), parameters, 3);
        long[] entries = { ProgressEntries.pack(Instant.parse("2026-01-05T00:00:00Z").getEpochSecond(), 0) };
        calculator.add(entries, "one@example.com");
        calculator.add(entries, "two@example.com");
        calculator.add(entries, "two@example.com");
        calculator.add(entries, null);
        ProblemException refused = assertThrows(ProblemException.class, () -> calculator.add(entries, "four@example.com"));
        assertEquals(400, refused.status());
        assertEquals("breakdown", refused.errors().get(0).field());
        assertEquals(3, calculator.funnels().size() - 1, "the fourth funnel was the first one too many");
    }
}
