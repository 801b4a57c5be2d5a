package com.outsidein.journeys.report.conversion;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.format.SvgText;
import com.outsidein.journeys.report.conversion.ConversionReport.Funnel;
import com.outsidein.journeys.report.conversion.ConversionReport.StepConversion;

/**
 * Draws a conversion report as an SVG funnel chart for a slide: one panel per funnel (per breakdown value,
 * per interval bucket), one row per step with a bar of the prospects who entered it and, over it, those who
 * converted, and the counts, rates and median time beside the bar. Every piece of text sits in a box of
 * its own sized by {@link SvgText}'s generous estimate, so nothing overlaps or leaves its box at any count;
 * the two bar shades differ in lightness, not only in hue, so the chart survives a grey printer.
 */
public final class FunnelChartRenderer {

    static final double MARGIN = 30;
    static final double PANEL_GAP = 24;
    static final double PAD = 14;
    static final double LABEL_WIDTH = 210;
    static final double BAR_WIDTH = 240;
    static final double STATS_WIDTH = 270;
    static final double COLUMN_GAP = 12;
    static final double ROW_GAP = 10;
    static final double BAR_HEIGHT = 22;
    static final double PANEL_WIDTH = 2 * PAD + LABEL_WIDTH + COLUMN_GAP + BAR_WIDTH + COLUMN_GAP + STATS_WIDTH;
    /** Light bar: lightness about 85 %. */
    static final String ENTERED_FILL = "#cfd8dc";
    /** Dark bar: lightness about 20 %, so it reads as different from the light one in grey. */
    static final String CONVERTED_FILL = "#37474f";
    static final String TEXT_FILL = "#212121";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The text styles of the chart: size, weight and the line height that keeps descenders inside a box. */
    enum Style {
        TITLE("title", 20, true), SUBTITLE("subtitle", 12, false), PANEL("panel-title", 14, true),
        PANEL_META("panel-meta", 12, false), STEP("step-name", 13, true), STAT("stat", 12, false),
        LEGEND("legend-text", 12, false);

        final String cssClass;
        final double size;
        final boolean bold;
        final double lineHeight;

        Style(String cssClass, double size, boolean bold) {
            this.cssClass = cssClass;
            this.size = size;
            this.bold = bold;
            this.lineHeight = Math.ceil(size * 1.35);
        }

        double width(String text) {
            return SvgText.width(text, size, bold);
        }
    }

    private record Line(String text, Style style) {
    }

    private final StringBuilder out = new StringBuilder();

    private FunnelChartRenderer() {
    }

    /** The chart of the report, titled with the journey's name. */
    public static String render(String journeyName, ConversionReport report) {
        return new FunnelChartRenderer().draw(journeyName, report);
    }

    private String draw(String journeyName, ConversionReport report) {
        List<Funnel> funnels = report.funnels();
        int columns = funnels.size() > 1 ? 2 : 1;
        double width = 2 * MARGIN + columns * PANEL_WIDTH + (columns - 1) * PANEL_GAP;
        double inner = width - 2 * MARGIN;

        List<Line> heading = new ArrayList<>();
        add(heading, "Conversion: " + journeyName, inner, Style.TITLE);
        add(heading, subtitle(report), inner, Style.SUBTITLE);
        double y = MARGIN + cell("heading", MARGIN, MARGIN, inner, heading) + 16;

        if (funnels.isEmpty()) {
            List<Line> none = new ArrayList<>();
            add(none, "No prospect entered the first step in this range.", inner, Style.PANEL);
            y += cell("empty", MARGIN, y, inner, none) + 16;
        }
        for (int first = 0; first < funnels.size(); first += columns) {
            double rowHeight = 0;
            for (int c = 0; c < columns && first + c < funnels.size(); c++) {
                double x = MARGIN + c * (PANEL_WIDTH + PANEL_GAP);
                rowHeight = Math.max(rowHeight, panel(funnels.get(first + c), report.parameters(), x, y));
            }
            y += rowHeight + PANEL_GAP;
        }
        y = legend(y, inner);
        double height = y + MARGIN;

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + SvgText.fmt(width) + "\" height=\""
                + SvgText.fmt(height) + "\" viewBox=\"0 0 " + SvgText.fmt(width) + " " + SvgText.fmt(height)
                + "\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" font-size=\"12\">\n"
                + "<title>" + SvgText.escape("Conversion: " + journeyName) + "</title>\n"
                + STYLE
                + "<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
                + out
                + "</svg>\n";
    }

    private static final String STYLE = """
            <style>
              text { fill: %s; }
              .title, .panel-title, .step-name { font-weight: bold; }
              .title { font-size: 20px; }
              .panel-title { font-size: 14px; }
              .step-name { font-size: 13px; }
              .subtitle, .panel-meta, .stat, .legend-text { font-size: 12px; }
              .subtitle, .panel-meta { fill: #455a64; }
              .bounds { fill: none; stroke: none; }
              .frame { fill: #ffffff; stroke: #90a4ae; stroke-width: 1; }
              .bar.entered, .swatch.entered { fill: %s; stroke: #78909c; stroke-width: 1; }
              .bar.converted, .swatch.converted { fill: %s; }
            </style>
            """.formatted(TEXT_FILL, ENTERED_FILL, CONVERTED_FILL);

    private static String subtitle(ConversionReport report) {
        ConversionParameters p = report.parameters();
        String window = p.window() == null ? "" : " · within " + IsoDurations.readable(p.window()) + " of step 1";
        String order = "any".equals(p.order()) ? " · steps in any order" : " · steps in order";
        String through = report.dataThrough() == null ? " · no events yet"
                : " · data through " + MINUTE.format(report.dataThrough());
        return "Prospects who first entered step 1 from " + moment(p.from()) + " to before " + moment(p.to())
                + window + order + through;
    }

    private static String moment(java.time.Instant instant) {
        return instant.getEpochSecond() % 86_400 == 0 ? DAY.format(instant) : MINUTE.format(instant);
    }

    /** Draws one funnel's panel at (x, y) and answers its height. */
    private double panel(Funnel funnel, ConversionParameters parameters, double x, double y) {
        int start = out.length();
        double innerWidth = PANEL_WIDTH - 2 * PAD;
        List<Line> title = new ArrayList<>();
        add(title, panelTitle(funnel, parameters), innerWidth, Style.PANEL);
        long population = funnel.population();
        StepConversion last = funnel.steps().isEmpty() ? null : funnel.steps().get(funnel.steps().size() - 1);
        String reached = last == null || population == 0 ? ""
                : " · " + percent((double) last.entered() / population) + " reached the last step";
        add(title, "population " + count(population) + reached, innerWidth, Style.PANEL_META);
        double cy = y + PAD;
        cy += cell("panel-heading", x + PAD, cy, innerWidth, title) + 8;

        long scale = Math.max(1, funnel.steps().stream().mapToLong(StepConversion::entered).max().orElse(1));
        int number = 0;
        for (StepConversion step : funnel.steps()) {
            number++;
            List<Line> label = new ArrayList<>();
            add(label, number + ". " + step.name() + (step.optional() ? " (optional)" : ""), LABEL_WIDTH, Style.STEP);
            List<Line> stats = new ArrayList<>();
            stats(step, number == 1, stats);
            double rowHeight = Math.max(BAR_HEIGHT + 4, Math.max(height(label), height(stats)));
            double labelX = x + PAD;
            double barX = labelX + LABEL_WIDTH + COLUMN_GAP;
            double statsX = barX + BAR_WIDTH + COLUMN_GAP;
            cell("step-label", labelX, cy, LABEL_WIDTH, rowHeight, label, step.step());
            bars(step, scale, barX, cy, rowHeight);
            cell("step-stats", statsX, cy, STATS_WIDTH, rowHeight, stats, step.step());
            cy += rowHeight + ROW_GAP;
        }
        double height = cy - y + PAD - ROW_GAP;
        out.insert(start, "<g class=\"panel\""
                + (funnel.bucket() == null ? "" : " data-bucket=\"" + SvgText.escape(funnel.bucket()) + "\"")
                + (funnel.segment() == null ? "" : " data-segment=\"" + SvgText.escape(funnel.segment()) + "\"")
                + ">\n<rect class=\"frame\" x=\"" + SvgText.fmt(x) + "\" y=\"" + SvgText.fmt(y) + "\" width=\""
                + SvgText.fmt(PANEL_WIDTH) + "\" height=\"" + SvgText.fmt(height) + "\" rx=\"6\"/>\n");
        out.append("</g>\n");
        return height;
    }

    private static String panelTitle(Funnel funnel, ConversionParameters parameters) {
        List<String> parts = new ArrayList<>();
        if (funnel.bucket() != null) {
            parts.add(switch (parameters.interval() == null ? "" : parameters.interval()) {
                case "week" -> "Week of " + funnel.bucket();
                case "month" -> "Month of " + funnel.bucket();
                default -> "Day " + funnel.bucket();
            });
        }
        if (funnel.segment() != null) {
            parts.add(ConversionCalculator.NO_SEGMENT.equals(funnel.segment()) ? parameters.breakdown() + " not set"
                    : parameters.breakdown() + " = " + funnel.segment());
        }
        return parts.isEmpty() ? "All prospects" : String.join(" · ", parts);
    }

    private static void stats(StepConversion step, boolean first, List<Line> stats) {
        add(stats, count(step.entered()) + " entered"
                + (first || step.overallRate() == null ? "" : " · " + percent(step.overallRate()) + " of step 1"),
                STATS_WIDTH, Style.STAT);
        if (step.converted() == null) {
            add(stats, "last step", STATS_WIDTH, Style.STAT);
            return;
        }
        add(stats, count(step.converted()) + " converted"
                + (step.conversionRate() == null ? "" : " · " + percent(step.conversionRate())), STATS_WIDTH, Style.STAT);
        if (step.timeToConvert() != null && step.converted() > 0) {
            add(stats, "median " + IsoDurations.roughly(step.timeToConvert().p50()) + " to the next step", STATS_WIDTH,
                    Style.STAT);
        }
    }

    /** The entered bar, and the converted bar over it, both as shares of the panel's largest step. */
    private void bars(StepConversion step, long scale, double x, double y, double rowHeight) {
        out.append("<g class=\"cell bars\" data-step=\"").append(SvgText.escape(step.step())).append("\">\n");
        bounds(x, y, BAR_WIDTH, rowHeight);
        double barY = y + 2;
        bar("entered", step.step(), step.entered(), barWidth(step.entered(), scale), x, barY);
        long converted = step.converted() == null ? 0 : step.converted();
        if (step.converted() != null) {
            bar("converted", step.step(), converted, barWidth(converted, scale), x, barY);
        }
        out.append("</g>\n");
    }

    /** Zero draws nothing; any other count at least 2 px, so a small count stays visible. */
    static double barWidth(long value, long scale) {
        if (value <= 0) {
            return 0;
        }
        return Math.max(2, Math.round(BAR_WIDTH * value / (double) scale * 10) / 10.0);
    }

    private void bar(String kind, String stepKey, long value, double width, double x, double y) {
        out.append("<rect class=\"bar ").append(kind).append("\" data-step=\"").append(SvgText.escape(stepKey))
                .append("\" data-count=\"").append(value).append("\" x=\"").append(SvgText.fmt(x)).append("\" y=\"")
                .append(SvgText.fmt(y)).append("\" width=\"").append(SvgText.fmt(width)).append("\" height=\"")
                .append(SvgText.fmt(BAR_HEIGHT)).append("\"/>\n");
    }

    private double legend(double y, double width) {
        double x = MARGIN;
        for (String kind : List.of("entered", "converted")) {
            String label = kind.equals("entered") ? "entered the step" : "converted to the next step";
            double w = 28 + 8 + Style.LEGEND.width(label) + 2;
            out.append("<g class=\"cell legend-item\">\n");
            bounds(x, y, w, BAR_HEIGHT);
            out.append("<rect class=\"swatch ").append(kind).append("\" x=\"").append(SvgText.fmt(x)).append("\" y=\"")
                    .append(SvgText.fmt(y + 3)).append("\" width=\"28\" height=\"16\"/>\n");
            out.append(SvgText.text(x + 36, y + 3 + Style.LEGEND.size, label, Style.LEGEND.cssClass));
            out.append("</g>\n");
            x += w + 24;
        }
        y += BAR_HEIGHT + 8;
        List<Line> notes = new ArrayList<>();
        add(notes, "Bars are shares of the panel's largest step. Step rate: converted / entered. Of step 1: entered / "
                + "step-1 entries. Median: time from entering the step to entering the next.", width, Style.LEGEND);
        return y + cell("legend-note", MARGIN, y, width, notes);
    }

    private double cell(String role, double x, double y, double width, List<Line> lines) {
        double height = height(lines);
        cell(role, x, y, width, height, lines, null);
        return height;
    }

    /** A box of text: its bounds (drawn invisibly, so tests and tools see the layout) and its lines. */
    private void cell(String role, double x, double y, double width, double height, List<Line> lines, String stepKey) {
        out.append("<g class=\"cell ").append(role).append('"')
                .append(stepKey == null ? "" : " data-step=\"" + SvgText.escape(stepKey) + "\"").append(">\n");
        bounds(x, y, width, height);
        double top = y;
        for (Line line : lines) {
            out.append(SvgText.text(x, top + line.style().size, line.text(), line.style().cssClass));
            top += line.style().lineHeight;
        }
        out.append("</g>\n");
    }

    private void bounds(double x, double y, double width, double height) {
        out.append("<rect class=\"bounds\" x=\"").append(SvgText.fmt(x)).append("\" y=\"").append(SvgText.fmt(y))
                .append("\" width=\"").append(SvgText.fmt(width)).append("\" height=\"").append(SvgText.fmt(height))
                .append("\"/>\n");
    }

    private static double height(List<Line> lines) {
        return lines.stream().mapToDouble(l -> l.style().lineHeight).sum();
    }

    private static void add(List<Line> lines, String text, double width, Style style) {
        SvgText.wrap(text, width, style.size, style.bold).forEach(l -> lines.add(new Line(l, style)));
    }

    /** A count with thousands separators: 1,234,567. */
    static String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    private static String percent(double rate) {
        return String.format(Locale.US, "%.1f %%", rate * 100);
    }
}
