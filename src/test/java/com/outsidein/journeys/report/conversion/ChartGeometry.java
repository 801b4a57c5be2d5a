package com.outsidein.journeys.report.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.outsidein.journeys.report.conversion.FunnelChartRenderer.Style;

/** Reads a funnel chart back and checks its layout from the drawn geometry: boxes, text, bars. */
final class ChartGeometry {

    record Box(String what, double x, double y, double w, double h) {
        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean contains(Box o) {
            return o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h;
        }
    }

    /** One panel as drawn: its frame, and per step the counts on its bars and the lines beside them. */
    record Panel(String segment, String bucket, List<String> title, Map<String, Long> entered,
            Map<String, Long> converted, Map<String, Double> enteredWidth, Map<String, List<String>> stats) {
    }

    final Document dom;
    final double width;
    final double height;

    private ChartGeometry(Document dom) {
        this.dom = dom;
        this.width = Double.parseDouble(dom.getDocumentElement().getAttribute("width"));
        this.height = Double.parseDouble(dom.getDocumentElement().getAttribute("height"));
    }

    static ChartGeometry parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new ChartGeometry(factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * No box overlaps another, every text stays inside its box by the renderer's own generous width
     * estimate, every box inside its panel and the picture, bars inside their box and converted never
     * longer than entered. Answers how many text lines were checked.
     */
    int assertLaidOut() {
        List<Box> cells = new ArrayList<>();
        List<Box> panels = new ArrayList<>();
        int texts = 0;
        for (Element g : elements(dom.getDocumentElement(), "g")) {
            List<String> classes = List.of(g.getAttribute("class").split(" "));
            if (classes.contains("panel")) {
                Box frame = box(first(g, "rect", "frame"), "panel " + g.getAttribute("data-segment") + g.getAttribute("data-bucket"));
                assertInsidePicture(frame);
                panels.add(frame);
                for (Element cell : elements(g, "g")) {
                    Box bounds = box(first(cell, "rect", "bounds"), cell.getAttribute("class"));
                    assertTrue(frame.contains(bounds), bounds + " leaves " + frame);
                }
            }
            if (!classes.contains("cell")) {
                continue;
            }
            Box bounds = box(first(g, "rect", "bounds"), g.getAttribute("class") + " " + g.getAttribute("data-step"));
            assertInsidePicture(bounds);
            cells.add(bounds);
            for (Element text : elements(g, "text")) {
                Style style = styleOf(text.getAttribute("class"));
                double x = d(text, "x");
                double baseline = d(text, "y");
                String content = text.getTextContent();
                assertTrue(x >= bounds.x() && x + style.width(content) <= bounds.x() + bounds.w(),
                        "'" + content + "' is wider than " + bounds);
                assertTrue(baseline - style.size >= bounds.y() && baseline + 0.25 * style.size <= bounds.y() + bounds.h(),
                        "'" + content + "' leaves " + bounds + " vertically");
                texts++;
            }
            double entered = -1;
            for (Element bar : elements(g, "rect")) {
                String kind = bar.getAttribute("class");
                if (!kind.startsWith("bar ") && !kind.startsWith("swatch ")) {
                    continue;
                }
                Box drawn = box(bar, kind);
                assertTrue(bounds.contains(drawn), drawn + " leaves " + bounds);
                if (kind.equals("bar entered")) {
                    entered = drawn.w();
                } else if (kind.equals("bar converted")) {
                    assertTrue(drawn.w() <= entered, "converted bar longer than entered in " + bounds);
                }
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                assertTrue(!cells.get(i).overlaps(cells.get(j)), cells.get(i) + " overlaps " + cells.get(j));
            }
        }
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                assertTrue(!panels.get(i).overlaps(panels.get(j)), panels.get(i) + " overlaps " + panels.get(j));
            }
        }
        assertTrue(texts > 0, "the chart has text");
        return texts;
    }

    /** The panels in drawing order with what each shows. */
    List<Panel> panels() {
        List<Panel> result = new ArrayList<>();
        for (Element g : elements(dom.getDocumentElement(), "g")) {
            if (!g.getAttribute("class").equals("panel")) {
                continue;
            }
            List<String> title = new ArrayList<>();
            Map<String, Long> entered = new LinkedHashMap<>();
            Map<String, Long> converted = new LinkedHashMap<>();
            Map<String, Double> enteredWidth = new LinkedHashMap<>();
            Map<String, List<String>> stats = new LinkedHashMap<>();
            for (Element cell : elements(g, "g")) {
                String cssClass = cell.getAttribute("class");
                if (cssClass.equals("cell panel-heading")) {
                    elements(cell, "text").forEach(t -> title.add(t.getTextContent()));
                } else if (cssClass.equals("cell step-stats")) {
                    stats.put(cell.getAttribute("data-step"), elements(cell, "text").stream().map(Node::getTextContent).toList());
                }
                for (Element bar : elements(cell, "rect")) {
                    String step = bar.getAttribute("data-step");
                    if (bar.getAttribute("class").equals("bar entered")) {
                        entered.put(step, Long.parseLong(bar.getAttribute("data-count")));
                        enteredWidth.put(step, d(bar, "width"));
                    } else if (bar.getAttribute("class").equals("bar converted")) {
                        converted.put(step, Long.parseLong(bar.getAttribute("data-count")));
                    }
                }
            }
            result.add(new Panel(g.getAttribute("data-segment"), g.getAttribute("data-bucket"), title, entered, converted,
                    enteredWidth, stats));
        }
        return result;
    }

    /** Relative luminance (WCAG) of a #rrggbb colour, to check the bar shades apart in grey. */
    static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    private void assertInsidePicture(Box box) {
        assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.w() <= width && box.y() + box.h() <= height,
                box + " is outside the picture " + width + "x" + height);
    }

    private static Style styleOf(String cssClass) {
        for (Style style : Style.values()) {
            if (style.cssClass.equals(cssClass)) {
                return style;
            }
        }
        throw new AssertionError("unknown text class " + cssClass);
    }

    private static Element first(Element parent, String tag, String cssClass) {
        for (Element e : elements(parent, tag)) {
            if (e.getAttribute("class").equals(cssClass)) {
                return e;
            }
        }
        throw new AssertionError("no " + tag + "." + cssClass + " in " + parent.getAttribute("class"));
    }

    private static Box box(Element rect, String what) {
        return new Box(what, d(rect, "x"), d(rect, "y"), d(rect, "width"), d(rect, "height"));
    }

    private static double d(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static void assertCounts(Panel panel, List<Long> entered, List<Long> converted) {
        assertEquals(entered, List.copyOf(panel.entered().values()), "entered of " + panel.segment());
        assertEquals(converted, List.copyOf(panel.converted().values()), "converted of " + panel.segment());
    }
}
