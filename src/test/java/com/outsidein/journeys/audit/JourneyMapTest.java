package com.outsidein.journeys.audit;

import static com.outsidein.journeys.Fixtures.example;
import static com.outsidein.journeys.Fixtures.putJourney;
import static com.outsidein.journeys.Fixtures.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.outsidein.journeys.audit.JourneyMapRenderer.Font;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JourneyMapTest {

    private record Rect(String what, double x, double y, double w, double h) {
        boolean overlaps(Rect o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    @Test
    void theMapShowsStepsTouchpointsActionsResponsesAndGaps() throws Exception {
        String key = uniqueKey("map");
        var doc = example("white-paper-contact-me");
        doc.put("key", key);
        putJourney(key, doc).statusCode(201);

        String svg = given().get("/api/v1/journeys/{key}/map.svg", key).then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).extract().asString();
        Document dom = parse(svg);

        assertEquals("Compliance software: the white paper with a 'please contact me' box",
                dom.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(List.of("spots-compliance-risk", "studies-the-problem", "shortlists-vendors"), keysOf(dom, "step"));
        assertEquals(List.of("compliance-webinar", "solution-consultant", "discovery-call"), keysOf(dom, "human"));
        assertEquals(List.of("compliance-newsletter", "white-paper-form", "white-paper-delivery"), keysOf(dom, "automated"));
        assertEquals(List.of("downloads-white-paper", "ticks-contact-me", "asks-for-pricing"), keysOf(dom, "action"));
        Map<String, String> responses = new LinkedHashMap<>();
        forEach(dom, "path", e -> {
            if (e.getAttribute("class").equals("response") && e.hasAttribute("data-action")) {
                responses.put(e.getAttribute("data-action"), e.getAttribute("data-touchpoint"));
            }
        });
        assertEquals(Map.of("downloads-white-paper", "white-paper-delivery", "asks-for-pricing", "discovery-call"), responses);
        List<String> marked = new ArrayList<>();
        forEach(dom, "g", e -> {
            if (List.of(e.getAttribute("class").split(" ")).contains("gap") && e.hasAttribute("data-key")) {
                marked.add(e.getAttribute("data-key") + "=" + e.getAttribute("data-gaps"));
            }
        });
        assertEquals(List.of("ticks-contact-me=unanswered-action.ticks-contact-me"), marked);
        assertTrue(svg.contains("UNANSWERED ACTION"));
        // Durations read as a person says them: PT10M, P1D and P2D of the example.
        assertTrue(svg.contains("answer within 10 min") && svg.contains("answer within 1 day")
                && svg.contains("answer within 2 days"), svg);
        assertTrue(!svg.contains("PT10M") && !svg.contains("P2D"), "no ISO-8601 on the picture");
        assertTrue(svg.contains("class=\"legend\""));
    }

    @Test
    void twelveStepsAndAHundredAndFiftyTouchpointsDoNotOverlapOrOverflow() throws Exception {
        String key = uniqueKey("big-map");
        putJourney(key, bigJourney()).statusCode(201);
        String svg = given().get("/api/v1/journeys/{key}/map.svg", key).then().statusCode(200).extract().asString();
        Document dom = parse(svg);
        assertEquals(12, keysOf(dom, "step").size());
        assertEquals(150, keysOf(dom, "touchpoint").size());

        Element root = dom.getDocumentElement();
        double width = Double.parseDouble(root.getAttribute("width"));
        double height = Double.parseDouble(root.getAttribute("height"));
        List<Rect> cards = new ArrayList<>();
        int[] texts = new int[1];
        forEach(dom, "g", g -> {
            if (!g.hasAttribute("data-key")) {
                return;
            }
            Element r = (Element) g.getElementsByTagName("rect").item(0);
            Rect card = new Rect(g.getAttribute("data-key"), d(r, "x"), d(r, "y"), d(r, "width"), d(r, "height"));
            cards.add(card);
            assertTrue(card.x() >= 0 && card.y() >= 0 && card.x() + card.w() <= width && card.y() + card.h() <= height,
                    card + " is outside the picture");
            NodeList lines = g.getElementsByTagName("text");
            for (int i = 0; i < lines.getLength(); i++) {
                Element t = (Element) lines.item(i);
                Font font = fontOf(t.getAttribute("class"));
                double tx = d(t, "x");
                double ty = d(t, "y");
                assertTrue(tx >= card.x() && tx + font.width(t.getTextContent()) <= card.x() + card.w(),
                        "text '" + t.getTextContent() + "' overflows " + card);
                assertTrue(ty - font.size >= card.y() && ty <= card.y() + card.h(), "text below its card: " + card);
                texts[0]++;
            }
        });
        for (int i = 0; i < cards.size(); i++) {
            for (int j = i + 1; j < cards.size(); j++) {
                assertTrue(!cards.get(i).overlaps(cards.get(j)), cards.get(i) + " overlaps " + cards.get(j));
            }
        }
        assertTrue(texts[0] > 300, "every card has its text");
    }

    @Test
    void anUnknownJourneyHasNoMap() {
        given().get("/api/v1/journeys/{key}/map.svg", uniqueKey("nomap")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    static Map<String, Object> bigJourney() {
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Map<String, Object>> transitions = new ArrayList<>();
        int touchpoint = 0;
        for (int s = 1; s <= 12; s++) {
            List<Map<String, Object>> touchpoints = new ArrayList<>();
            for (int t = 0; t < (s <= 6 ? 13 : 12); t++) {
                touchpoint++;
                touchpoints.add(Map.of("key", "tp-" + touchpoint,
                        "name", t % 3 == 0 ? "Reference-customer-visit-at-their-headquarters-with-the-whole-buying-committee"
                                : "Touchpoint number " + touchpoint + " with a long name that must wrap over lines",
                        "channel", t % 2 == 0 ? "MEETING" : "NEWSLETTER", "mode", t % 2 == 0 ? "HUMAN" : "AUTOMATED",
                        "owner", t % 5 == 0 ? "" : "WWWWWWWWWW MMMMMMMMMM team", "staffed", t % 7 != 0));
            }
            List<Map<String, Object>> actions = List.of(
                    Map.of("key", "a-" + s + "-1", "name", "Asks to be contacted by somebody who knows the regulation",
                            "expectsResponse", true, "requiresHuman", true, "respondedBy", List.of("tp-" + touchpoint)),
                    Map.of("key", "a-" + s + "-2", "name", "Requests the white paper", "expectsResponse", true,
                            "responseSla", "PT1H", "respondedBy", List.of("tp-1", "tp-" + (touchpoint - 1))));
            steps.add(Map.of("key", "step-" + s, "name", "Step " + s + " where the buyer does something worth a long name",
                    "buyerGoal", "A goal that is long enough to need two or three lines in its header", "touchpoints",
                    touchpoints, "actions", actions));
            if (s > 1 && s % 2 == 0) {
                transitions.add(Map.of("from", "step-" + (s - 1), "to", "step-" + s));
            }
        }
        return Map.of("name", "A twelve-step journey", "steps", steps, "transitions", transitions);
    }

    private static Font fontOf(String cssClass) {
        for (Font font : Font.values()) {
            if (font.cssClass.equals(cssClass)) {
                return font;
            }
        }
        throw new AssertionError("unknown text class " + cssClass);
    }

    private static double d(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static List<String> keysOf(Document dom, String cssClass) {
        List<String> keys = new ArrayList<>();
        forEach(dom, "g", e -> {
            if (List.of(e.getAttribute("class").split(" ")).contains(cssClass) && e.hasAttribute("data-key")) {
                keys.add(e.getAttribute("data-key"));
            }
        });
        return keys;
    }

    private static void forEach(Document dom, String tag, java.util.function.Consumer<Element> action) {
        NodeList nodes = dom.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            action.accept((Element) nodes.item(i));
        }
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
