package com.outsidein.journeys.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.format.SvgText;
import com.outsidein.journeys.journey.ActionDocument;
import com.outsidein.journeys.journey.ExclusionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.Mode;
import com.outsidein.journeys.journey.SourceEventDocument;
import com.outsidein.journeys.journey.StepDocument;
import com.outsidein.journeys.journey.TouchpointDocument;
import com.outsidein.journeys.journey.TransitionDocument;

/**
 * Draws a journey as an SVG wall chart: steps as columns in order, touchpoint cards (HUMAN solid,
 * AUTOMATED dashed), buyer actions with lines to the touchpoints that answer them, every gap marked in
 * red on its element, and a legend. Text is wrapped by a conservative width estimate, so nothing is cut.
 */
public final class JourneyMapRenderer {

    static final int COLUMN = 280;
    static final int GUTTER = 70;
    static final int MARGIN = 30;
    static final int CARD = COLUMN - 20;
    static final int PAD = 10;
    static final int LINE = 17;
    /** The CDP calls that feed an element, so a designer sees on the card what the data will be made of. */
    private static void addSourceEvents(List<Line> text, List<SourceEventDocument> calls, double width) {
        calls.forEach(call -> add(text, "\u21e2 from " + call.label(), width, Font.META));
    }

    private static final String RED = "#c62828";
    private static final String AMBER = "#ef6c00";

    private final JourneyDocument doc;
    private final Map<String, List<Gap>> gapsBySubject = new HashMap<>();
    private final Map<String, Box> touchpointBoxes = new HashMap<>();
    private final StringBuilder lines = new StringBuilder();
    private final StringBuilder cards = new StringBuilder();

    private record Box(double x, double y, double w, double h) {
    }

    /** One line of text in a card, already wrapped to fit, with its style. */
    record Line(String text, Font font) {
    }

    /**
     * The text styles of the map with a deliberately generous width estimate (Verdana-bold-like glyph
     * widths, wider than DejaVu Sans or Arial), so a wrapped line fits whatever sans-serif font renders it.
     */
    enum Font {
        TITLE("title", 22, true), STEP("step-name", 14, true), NAME("name", 13, true), GOAL("goal", 13, false),
        META("meta", 13, false), LABEL("gap-label", 12, true);

        final String cssClass;
        final double size;
        final boolean bold;

        Font(String cssClass, double size, boolean bold) {
            this.cssClass = cssClass;
            this.size = size;
            this.bold = bold;
        }

        double width(String text) {
            return SvgText.width(text, size, bold);
        }
    }

    private JourneyMapRenderer(JourneyDocument doc, GapReport report) {
        this.doc = doc;
        report.gaps().forEach(g -> gapsBySubject.computeIfAbsent(g.subject(), k -> new ArrayList<>()).add(g));
        report.acknowledged().forEach(g -> gapsBySubject.computeIfAbsent(g.subject(), k -> new ArrayList<>()).add(g));
    }

    public static String render(JourneyDocument doc, GapReport report) {
        return new JourneyMapRenderer(doc, report).draw(report);
    }

    private String draw(GapReport report) {
        int n = Math.max(1, doc.steps().size());
        double width = Math.max(2 * MARGIN + n * COLUMN + (n - 1) * GUTTER, 1040);
        double y = MARGIN;
        for (String line : wrap(doc.name(), width - 2 * MARGIN, Font.TITLE)) {
            y += 26;
            cards.append(text(MARGIN, y, line, Font.TITLE.cssClass));
        }
        String subtitle = (doc.segment() == null ? "" : doc.segment() + " · ") + report.summary().high() + " high, "
                + report.summary().medium() + " medium, " + report.summary().low() + " low open gaps · score "
                + report.summary().score();
        for (String line : wrap(subtitle, width - 2 * MARGIN, Font.META)) {
            y += LINE + 2;
            cards.append(text(MARGIN, y, line, "subtitle"));
        }
        y += 24;

        // Step headers, all as tall as the tallest so the columns line up.
        List<List<Line>> headers = new ArrayList<>();
        double headerHeight = 0;
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument step = doc.steps().get(i);
            List<Line> header = new ArrayList<>();
            add(header, (i + 1) + ". " + step.name() + (step.optional() ? " (optional)" : ""), CARD, Font.STEP);
            if (step.buyerGoal() != null && !step.buyerGoal().isBlank()) {
                add(header, "Goal: " + step.buyerGoal(), CARD, Font.GOAL);
            }
            addSourceEvents(header, step.sourceEvents(), CARD);
            addGapLabels(header, gapsFor(step.key(), STEP_GAPS), CARD);
            headers.add(header);
            headerHeight = Math.max(headerHeight, cardHeight(header.size()));
        }
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument step = doc.steps().get(i);
            card(new Box(columnX(i), y, CARD, headerHeight), "step" + (step.optional() ? " optional" : ""), step.key(),
                    headers.get(i), gapsFor(step.key(), STEP_GAPS));
            if (i + 1 < doc.steps().size()) {
                arrowBetween(i, y + 30, doc.steps().get(i + 1));
            }
        }
        y += headerHeight + 28;

        double touchpointsBottom = y;
        for (int i = 0; i < doc.steps().size(); i++) {
            double cy = y;
            for (TouchpointDocument t : doc.steps().get(i).touchpoints()) {
                List<Gap> gaps = gapsFor(t.key(), TOUCHPOINT_GAPS);
                List<Line> text = new ArrayList<>();
                add(text, (t.mode() == Mode.HUMAN ? "\u263a " : "\u2699 ") + t.name(), CARD, Font.NAME);
                String owner = t.owner() == null || t.owner().isBlank() ? "no owner" : t.owner();
                add(text, t.channel() + " · " + t.mode() + " · " + owner + (t.staffed() ? "" : " · NOT STAFFED"), CARD,
                        Font.META);
                if (t.looksPersonal()) {
                    add(text, "\u270e written to look personal", CARD, Font.META);
                }
                t.excludes().forEach(rule -> add(text, "\u2715 not for " + describe(rule), CARD, Font.META));
                addSourceEvents(text, t.sourceEvents(), CARD);
                addGapLabels(text, gaps, CARD);
                Box box = new Box(columnX(i), cy, CARD, cardHeight(text.size()));
                touchpointBoxes.put(t.key(), box);
                card(box, "touchpoint " + t.mode().name().toLowerCase(Locale.ROOT) + (t.staffed() ? "" : " unstaffed"),
                        t.key(), text, gaps);
                cy += box.h() + 12;
            }
            touchpointsBottom = Math.max(touchpointsBottom, cy);
        }
        y = touchpointsBottom + 30;

        double actionsBottom = y;
        for (int i = 0; i < doc.steps().size(); i++) {
            double cy = y;
            for (ActionDocument a : doc.steps().get(i).actions()) {
                List<Gap> gaps = gapsFor(a.key(), ACTION_GAPS);
                List<Line> text = new ArrayList<>();
                add(text, "\u25b6 " + a.name(), CARD - 10, Font.NAME);
                add(text, a.expectsResponse()
                        ? "answer within " + (a.responseSla() == null ? "?" : IsoDurations.readable(a.responseSla()))
                                + (a.requiresHuman() ? " · by a person" : "")
                        : "no answer expected", CARD - 10, Font.META);
                addSourceEvents(text, a.sourceEvents(), CARD - 10);
                addGapLabels(text, gaps, CARD - 10);
                Box box = new Box(columnX(i) + 10, cy, CARD - 10, cardHeight(text.size()));
                card(box, "action", a.key(), text, gaps);
                a.respondedBy().forEach(t -> responseLine(a.key(), box, t, touchpointBoxes.get(t)));
                cy += box.h() + 12;
            }
            actionsBottom = Math.max(actionsBottom, cy);
        }
        y = actionsBottom + 20;

        y = transitionsBand(y, width);
        y = legend(y);
        double height = y + MARGIN;

        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(fmt(width))
                .append("\" height=\"").append(fmt(height)).append("\" viewBox=\"0 0 ").append(fmt(width)).append(' ')
                .append(fmt(height)).append("\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" font-size=\"13\">\n")
                .append("<title>").append(escape(doc.name())).append("</title>\n")
                .append(STYLE)
                .append("<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<g class=\"responses\">\n").append(lines).append("</g>\n")
                .append(cards)
                .append("</svg>\n");
        return svg.toString();
    }

    private static final String STYLE = """
            <defs>
              <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" fill="#546e7a"/>
              </marker>
              <marker id="arrow-red" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" fill="#c62828"/>
              </marker>
            </defs>
            <style>
              .title { font-size: 22px; font-weight: bold; fill: #263238; }
              .title, .step-name, .name, .gap-label { font-weight: bold; }
              .subtitle { fill: #546e7a; }
              .step > rect { fill: #eceff1; stroke: #455a64; stroke-width: 1.5; }
              .step.optional > rect { stroke-dasharray: 6 4; }
              .step-name { font-weight: bold; font-size: 14px; fill: #263238; }
              .goal { font-style: italic; fill: #455a64; }
              .human > rect { fill: #e3f2fd; stroke: #1565c0; stroke-width: 1.5; }
              .automated > rect { fill: #f5f5f5; stroke: #757575; stroke-width: 1.5; stroke-dasharray: 5 3; }
              .name { font-weight: bold; fill: #0d47a1; }
              .automated .name { fill: #424242; }
              .action > rect { fill: #fff8e1; stroke: #f9a825; stroke-width: 1.5; }
              .action .name { fill: #5d4037; }
              .transition > rect { fill: #fafafa; stroke: #b0bec5; stroke-width: 1; }
              .meta { fill: #455a64; }
              .gap > rect { stroke: #c62828; stroke-width: 3; stroke-dasharray: none; }
              .gap.acknowledged > rect { stroke: #ef6c00; }
              .gap-label { fill: #c62828; font-weight: bold; font-size: 12px; }
              .acknowledged .gap-label { fill: #ef6c00; }
              .response { fill: none; stroke: #78909c; stroke-width: 1.4; opacity: 0.8; }
              .transition-ok { stroke: #546e7a; stroke-width: 2; }
              .transition-gap { stroke: #c62828; stroke-width: 2.5; stroke-dasharray: 6 4; }
              .band-title { font-weight: bold; fill: #263238; font-size: 15px; }
            </style>
            """;

    private static void add(List<Line> lines, String text, double cardWidth, Font font) {
        wrap(text, cardWidth - 2 * PAD, font).forEach(l -> lines.add(new Line(l, font)));
    }

    private static void addGapLabels(List<Line> lines, List<Gap> gaps, double cardWidth) {
        gaps.forEach(gap -> add(lines, "\u26a0 " + label(gap), cardWidth, Font.LABEL));
    }

    /** Draws a card: a rectangle sized for its lines, marked red (or orange when acknowledged) when it has gaps. */
    private void card(Box box, String cssClass, String key, List<Line> text, List<Gap> gaps) {
        boolean open = gaps.stream().anyMatch(g -> g.acknowledgement() == null || g.acknowledgement().lapsed());
        String gapClass = gaps.isEmpty() ? "" : open ? " gap" : " gap acknowledged";
        cards.append("<g class=\"").append(cssClass).append(gapClass).append("\" data-key=\"").append(escape(key))
                .append('"');
        if (!gaps.isEmpty()) {
            cards.append(" data-gaps=\"").append(escape(String.join(" ", gaps.stream().map(Gap::id).toList()))).append('"');
        }
        cards.append(">\n<rect x=\"").append(fmt(box.x())).append("\" y=\"").append(fmt(box.y())).append("\" width=\"")
                .append(fmt(box.w())).append("\" height=\"").append(fmt(box.h())).append("\" rx=\"6\"/>\n");
        double ty = box.y() + PAD + 12;
        for (Line line : text) {
            cards.append(text(box.x() + PAD, ty, line.text(), line.font().cssClass));
            ty += LINE;
        }
        cards.append("</g>\n");
    }

    private void responseLine(String actionKey, Box action, String touchpointKey, Box touchpoint) {
        if (touchpoint == null) {
            return;
        }
        double ay = action.y() + 14;
        double ty = touchpoint.y() + touchpoint.h() / 2;
        String d;
        if (Math.abs(touchpoint.x() - (action.x() - 10)) < 1) {
            double ax = action.x();
            double tx = touchpoint.x();
            d = "M" + fmt(ax) + "," + fmt(ay) + " C" + fmt(ax - 45) + "," + fmt(ay) + " " + fmt(tx - 45) + "," + fmt(ty)
                    + " " + fmt(tx) + "," + fmt(ty);
        } else if (touchpoint.x() < action.x()) {
            double ax = action.x();
            double tx = touchpoint.x() + touchpoint.w();
            d = "M" + fmt(ax) + "," + fmt(ay) + " C" + fmt(ax - 50) + "," + fmt(ay) + " " + fmt(tx + 50) + "," + fmt(ty)
                    + " " + fmt(tx) + "," + fmt(ty);
        } else {
            double ax = action.x() + action.w();
            double tx = touchpoint.x();
            d = "M" + fmt(ax) + "," + fmt(ay) + " C" + fmt(ax + 50) + "," + fmt(ay) + " " + fmt(tx - 50) + "," + fmt(ty)
                    + " " + fmt(tx) + "," + fmt(ty);
        }
        lines.append("<path class=\"response\" data-action=\"").append(escape(actionKey)).append("\" data-touchpoint=\"")
                .append(escape(touchpointKey)).append("\" d=\"").append(d).append("\" marker-end=\"url(#arrow)\"/>\n");
    }

    private void arrowBetween(int index, double y, StepDocument next) {
        StepDocument from = doc.steps().get(index);
        boolean undefined = !gapsFor(from.key() + "->" + next.key(), GapType.UNDEFINED_TRANSITION).isEmpty();
        double x1 = columnX(index) + CARD + 6;
        double x2 = columnX(index + 1) - 6;
        cards.append("<line class=\"").append(undefined ? "transition-gap" : "transition-ok").append("\" x1=\"")
                .append(fmt(x1)).append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(fmt(x2)).append("\" y2=\"")
                .append(fmt(y)).append("\" marker-end=\"url(#").append(undefined ? "arrow-red" : "arrow").append(")\"/>\n");
        if (undefined) {
            cards.append(text((x1 + x2) / 2 - 4, y - 6, "?", "gap-label"));
        }
    }

    private double transitionsBand(double y, double width) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (TransitionDocument t : doc.transitions()) {
            String conditions = t.conditions().isEmpty() ? "no recorded condition"
                    : t.match() + " of " + t.conditions().stream().map(c -> switch (c.type()) {
                        case ACTION_PERFORMED -> "action " + c.action() + (c.minCount() == null ? "" : " ×" + c.minCount());
                        case TOUCHPOINT_RECEIVED -> "received " + c.touchpoint();
                        case ATTRIBUTE_EQUALS -> c.attribute() + " = " + c.value();
                        case TIME_IN_STEP_AT_LEAST -> "in step ≥ " + c.duration();
                    }).toList();
            rows.put(t.from() + "->" + t.to(), stepName(t.from()) + " \u2192 " + stepName(t.to()) + ": " + conditions);
        }
        for (int i = 0; i + 1 < doc.steps().size(); i++) {
            String subject = doc.steps().get(i).key() + "->" + doc.steps().get(i + 1).key();
            rows.putIfAbsent(subject, doc.steps().get(i).name() + " \u2192 " + doc.steps().get(i + 1).name()
                    + ": no transition recorded");
        }
        y += 22;
        cards.append(text(MARGIN, y, "Transitions", "band-title"));
        y += 10;
        for (Map.Entry<String, String> row : rows.entrySet()) {
            List<Gap> gaps = gapsFor(row.getKey(), GapType.UNDEFINED_TRANSITION);
            List<Line> text = new ArrayList<>();
            add(text, row.getValue(), width - 2 * MARGIN, Font.META);
            addGapLabels(text, gaps, width - 2 * MARGIN);
            Box box = new Box(MARGIN, y, width - 2 * MARGIN, cardHeight(text.size()));
            card(box, "transition", row.getKey(), text, gaps);
            y += box.h() + 8;
        }
        return y + 10;
    }

    private double legend(double y) {
        y += 12;
        cards.append("<g class=\"legend\">\n");
        cards.append(text(MARGIN, y + 10, "Legend", "band-title"));
        y += 24;
        String[][] items = {
                { "touchpoint human", "HUMAN touchpoint" },
                { "touchpoint automated", "AUTOMATED touchpoint" },
                { "action", "Buyer action" },
                { "action gap", "Gap" },
                { "action gap acknowledged", "Acknowledged gap" } };
        double x = MARGIN;
        for (String[] item : items) {
            cards.append("<g class=\"").append(item[0]).append("\"><rect x=\"").append(fmt(x)).append("\" y=\"")
                    .append(fmt(y)).append("\" width=\"36\" height=\"22\" rx=\"4\"/></g>\n");
            cards.append(text(x + 44, y + 16, item[1], "meta"));
            x += 44 + Font.META.width(item[1]) + 24;
        }
        cards.append("<path class=\"response\" d=\"M").append(fmt(x)).append(',').append(fmt(y + 11)).append(" L")
                .append(fmt(x + 40)).append(',').append(fmt(y + 11)).append("\" marker-end=\"url(#arrow)\"/>\n");
        cards.append(text(x + 48, y + 16, "answered by", "meta"));
        cards.append("</g>\n");
        return y + 22;
    }

    private List<Gap> gapsFor(String subject, GapType... types) {
        return gapsFor(subject, List.of(types));
    }

    private List<Gap> gapsFor(String subject, List<GapType> types) {
        return gapsBySubject.getOrDefault(subject, List.of()).stream().filter(g -> types.contains(g.type())).toList();
    }

    /** An exclusion rule as a designer reads it on the card. */
    private String describe(ExclusionDocument rule) {
        return switch (rule.type()) {
            case ATTRIBUTE_IN -> rule.attribute() + " in " + String.join(", ", rule.values());
            case REACHED_STEP -> "those who reached '" + stepName(rule.step()) + "'";
            case ACTION_PERFORMED -> "those who did '" + doc.steps().stream().flatMap(st -> st.actions().stream())
                    .filter(a -> a.key().equals(rule.action())).map(ActionDocument::name).findFirst()
                    .orElse(rule.action()) + "'";
        };
    }

    private String stepName(String key) {
        return doc.step(key).map(StepDocument::name).orElse(key);
    }

    private static String label(Gap gap) {
        String type = gap.type().name().replace('_', ' ');
        return gap.acknowledgement() != null && !gap.acknowledgement().lapsed() ? type + " (acknowledged)" : type;
    }

    private static final List<GapType> STEP_GAPS = List.of(GapType.EMPTY_STEP, GapType.NO_HUMAN_TOUCHPOINT,
            GapType.INSIDE_OUT_STEP);
    private static final List<GapType> TOUCHPOINT_GAPS = List.of(GapType.UNOWNED_RESPONSE, GapType.UNSTAFFED_RESPONSE,
            GapType.DISGUISED_AUTOMATION, GapType.UNTARGETED_AUTOMATION);
    private static final List<GapType> ACTION_GAPS = List.of(GapType.UNANSWERED_ACTION, GapType.MISSING_SLA,
            GapType.AUTOMATED_ONLY_RESPONSE);

    private static double columnX(int index) {
        return MARGIN + index * (COLUMN + GUTTER);
    }

    private static double cardHeight(int lineCount) {
        return 2 * PAD + lineCount * LINE + 2;
    }

    static List<String> wrap(String text, double maxWidth, Font font) {
        return SvgText.wrap(text, maxWidth, font.size, font.bold);
    }

    private static String text(double x, double y, String content, String cssClass) {
        return SvgText.text(x, y, content, cssClass);
    }

    private static String fmt(double value) {
        return SvgText.fmt(value);
    }

    private static String escape(String text) {
        return SvgText.escape(text);
    }
}
