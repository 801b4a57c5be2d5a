package com.outsidein.journeys.report.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.report.TimeToConvert;
import com.outsidein.journeys.report.conversion.ChartGeometry.Panel;
import com.outsidein.journeys.report.conversion.ConversionReport.Funnel;
import com.outsidein.journeys.report.conversion.ConversionReport.StepConversion;

/** The funnel chart's layout at sizes the HTTP tests cannot reach quickly: counts in the millions, many panels. */
class FunnelChartRendererTest {

    private static final String[] STEP_NAMES = {
            "Notices that audits take the compliance team weeks every quarter",
            "Researches <risk> & \"controls\" software",
            "Compares vendors with the whole buying committee and a consultant",
            "Runs a pilot (optional)", "Asks for references", "Signs" };

    @Test
    void sixStepsByFiveSegmentsWithMillionsStayInsideTheirBoxes() throws Exception {
        List<Funnel> funnels = new ArrayList<>();
        String[] segments = { "(none)", "Europe, the Middle East and Africa", "North America",
                "Asia-Pacific including Australia and New Zealand", "LATAM" };
        for (int s = 0; s < segments.length; s++) {
            funnels.add(funnel(null, segments[s], 9_876_543L - s * 1_111_111L));
        }
        String svg = FunnelChartRenderer.render("Risk software for mid-sized banks across the whole of Europe", report(funnels, "region", null));
        ChartGeometry chart = ChartGeometry.parse(svg);
        int lines = chart.assertLaidOut();
        assertTrue(lines > 5 * 6 * 3, "every step has its label and three lines of figures, checked: " + lines);

        List<Panel> panels = chart.panels();
        assertEquals(List.of(segments), panels.stream().map(Panel::segment).toList());
        Panel emea = panels.get(1);
        assertEquals("region = Europe, the Middle East and Africa", String.join(" ", emea.title().subList(0, emea.title().size() - 1)));
        // Hand-worked from funnel(): step 1 entered 8,765,432, each later step keeps half, the converted half.
        assertEquals(List.of("8,765,432 entered", "4,382,716 converted · 50.0 %", "median 1 day 3 h to the next step"),
                emea.stats().get("s1"));
        assertEquals(List.of("4,382,716 entered · 50.0 % of step 1", "2,191,358 converted · 50.0 %",
                "median 1 day 3 h to the next step"), emea.stats().get("s2"));
        assertEquals(List.of("273,919 entered · 3.1 % of step 1", "last step"), emea.stats().get("s6"));
        ChartGeometry.assertCounts(emea, List.of(8_765_432L, 4_382_716L, 2_191_358L, 1_095_679L, 547_839L, 273_919L),
                List.of(4_382_716L, 2_191_358L, 1_095_679L, 547_839L, 273_919L));
        // Bars are shares of the panel's largest step: 240 px, then half, a quarter ...
        assertEquals(List.of(240.0, 120.0, 60.0, 30.0, 15.0, 7.5), List.copyOf(emea.enteredWidth().values()));
        assertTrue(svg.contains("Researches &lt;risk&gt; &amp;") && !svg.contains("<risk>"), "step names are escaped");
        assertTrue(svg.contains("Prospects who first entered step 1 from 2026-01-05 to before 2026-02-04 · within 90 days of step 1"),
                "the parameters are on the chart, durations as a person reads them");
    }

    @Test
    void intervalAndBreakdownGiveOneSmallChartPerBucketAndValue() throws Exception {
        List<Funnel> funnels = new ArrayList<>();
        for (String bucket : List.of("2026-01-05", "2026-01-12", "2026-01-19")) {
            for (String segment : List.of("(none)", "emea")) {
                funnels.add(funnel(bucket, segment, 1_000));
            }
        }
        ChartGeometry chart = ChartGeometry.parse(FunnelChartRenderer.render("Risk", report(funnels, "region", "week")));
        chart.assertLaidOut();
        List<Panel> panels = chart.panels();
        assertEquals(6, panels.size());
        assertEquals(List.of("Week of 2026-01-12 · region not set", "population 1,000 · 3.1 % reached the last step"),
                panels.get(2).title());
        assertEquals("2026-01-12", panels.get(2).bucket());
    }

    @Test
    void aRangeWithoutProspectsSaysSoAndZeroDrawsNoBar() throws Exception {
        ChartGeometry empty = ChartGeometry.parse(FunnelChartRenderer.render("Risk", report(List.of(), null, null)));
        empty.assertLaidOut();
        assertTrue(empty.dom.getDocumentElement().getTextContent().contains("No prospect entered the first step in this range."));

        List<StepConversion> steps = List.of(new StepConversion("s1", "One", false, 3, 0L, 0.0, 1.0, 3L, null),
                new StepConversion("s2", "Two", false, 0, null, null, 0.0, null, null));
        ChartGeometry zero = ChartGeometry.parse(FunnelChartRenderer.render("Risk", report(List.of(new Funnel(null, null, 3, steps)), null, null)));
        zero.assertLaidOut();
        Panel panel = zero.panels().get(0);
        assertEquals(List.of(240.0, 0.0), List.copyOf(panel.enteredWidth().values()));
        assertEquals(List.of("3 entered", "0 converted · 0.0 %"), panel.stats().get("s1"), "no median without a conversion");
        assertEquals(2.0, FunnelChartRenderer.barWidth(1, 9_000_000), "one prospect in millions is still visible");
    }

    @Test
    void theTwoBarShadesDifferInGreyAndTextIsDarkOnWhite() {
        double light = ChartGeometry.luminance(FunnelChartRenderer.ENTERED_FILL);
        double dark = ChartGeometry.luminance(FunnelChartRenderer.CONVERTED_FILL);
        // WCAG contrast ratio between the shades, as a grey printer keeps only luminance.
        assertTrue((light + 0.05) / (dark + 0.05) >= 4.5, "bar shades too close in grey: " + light + " vs " + dark);
        assertTrue(1.05 / (ChartGeometry.luminance(FunnelChartRenderer.TEXT_FILL) + 0.05) >= 7, "text contrast on white");
    }

    /** Six steps; step 1 has {@code population} entries, each later step half the one before (rounded down). */
    private static Funnel funnel(String bucket, String segment, long population) {
        List<StepConversion> steps = new ArrayList<>();
        long entered = population;
        for (int i = 0; i < 6; i++) {
            boolean last = i == 5;
            long converted = entered / 2;
            steps.add(new StepConversion("s" + (i + 1), STEP_NAMES[i], i == 3, entered, last ? null : converted,
                    last ? null : (double) converted / entered, (double) entered / population,
                    last ? null : entered - converted, last ? null : new TimeToConvert(99_000, 150_000, 200_000, 250_000, 120_000.5)));
            entered = converted;
        }
        return new Funnel(bucket, segment, population, steps);
    }

    private static ConversionReport report(List<Funnel> funnels, String breakdown, String interval) {
        return new ConversionReport("risk", new ConversionParameters(Instant.parse("2026-01-05T00:00:00Z"),
                Instant.parse("2026-02-04T00:00:00Z"), "P90D", "ordered", breakdown, interval),
                OffsetDateTime.parse("2026-02-03T10:15:30Z"), funnels);
    }
}
