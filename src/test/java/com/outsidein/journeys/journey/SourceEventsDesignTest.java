package com.outsidein.journeys.journey;

import static com.outsidein.journeys.Fixtures.createRiskSoftware;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * sourceEvents on steps, actions and touchpoints: kept through the round trip, PATCH and the element
 * endpoints, shown in history diffs and on the map, and a call claimed twice is a conflict naming both.
 */
@QuarkusTest
class SourceEventsDesignTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Map<String, Object> CONTACT_ME = Map.of("type", "TRACK", "name", "Whitepaper Requested",
            "where", Map.of("contact_me", "true"));

    @Test
    void theDocumentKeepsItsSourceEventsThroughTheRoundTrip() throws Exception {
        String j = createRiskSoftware("sources-round-trip");
        ObjectNode stored = (ObjectNode) Fixtures.JSON.readTree(given().get("/api/v1/journeys/{j}", j).then().statusCode(200)
                .extract().asString());
        given().get("/api/v1/journeys/{j}", j).then()
                .body(Fixtures.pathOf(stored, "asks-to-be-contacted") + ".sourceEvents", contains(CONTACT_ME))
                .body(Fixtures.pathOf(stored, "researches-risk") + ".sourceEvents", contains(Map.of("type", "PAGE", "name", "Risk White Paper")))
                .body(Fixtures.pathOf(stored, "white-paper-mail") + ".sourceEvents[0].where.campaign", equalTo("risk-white-paper"))
                // Elements that map nothing show no sourceEvents at all, as documents written before sources did.
                .body(Fixtures.pathOf(stored, "decides") + ".sourceEvents", nullValue());
        // The document as fetched PUT back unchanged: the same version.
        long version = stored.path("version").asLong();
        given().contentType(ContentType.JSON).body(stored).put("/api/v1/journeys/{j}", j).then().statusCode(200)
                .body("version", equalTo((int) version));
    }

    @Test
    void elementEndpointsAndPatchEditSourceEventsAndHistoryShowsTheChange() {
        String j = createRiskSoftware("sources-edits");
        String steps = "/api/v1/journeys/" + j + "/steps";
        long before = given().get("/api/v1/journeys/{j}", j).then().extract().jsonPath().getLong("version");
        given().contentType(MERGE_PATCH).body(Map.of("sourceEvents", List.of(Map.of("type", "TRACK", "name", "Contract Requested"))))
                .patch(steps + "/decides/actions/asks-for-contract").then().statusCode(200)
                .body("sourceEvents.name", contains("Contract Requested")).body("respondedBy", contains("proposal-meeting"));
        given().contentType(ContentType.JSON).body(Map.of("key", "pricing-page-chat", "name", "Chat on the pricing page",
                "channel", "LIVE_CHAT", "mode", "HUMAN", "owner", "Inside sales",
                "sourceEvents", List.of(Map.of("type", "TRACK", "name", "Chat Started", "where", Map.of("page", "pricing")))))
                .post(steps + "/compares-vendors/touchpoints").then().statusCode(201)
                .body("sourceEvents[0].where.page", equalTo("pricing"));
        long after = given().get("/api/v1/journeys/{j}", j).then().extract().jsonPath().getLong("version");
        given().get("/api/v1/journeys/{j}/history/{v}/diff?to={t}", j, before, after).then().statusCode(200)
                .body("changes.find { it.key == 'asks-for-contract' }.fields.field", contains("sourceEvents"))
                .body("changes.find { it.key == 'asks-for-contract' }.fields[0].after[0].name", equalTo("Contract Requested"))
                .body("changes.find { it.key == 'pricing-page-chat' }.change", equalTo("ADDED"));
        // A touchpoint claiming the contact-me call that an action already claims: 409 naming both, nothing changed.
        given().contentType(ContentType.JSON).body(Map.of("key", "contact-form", "name", "Contact form", "channel", "LANDING_PAGE",
                "mode", "AUTOMATED", "owner", "Web team", "sourceEvents", List.of(CONTACT_ME)))
                .post(steps + "/researches-risk/touchpoints").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("action 'asks-to-be-contacted'"))
                .body("errors[0].message", containsString("touchpoint 'contact-form'"));
        given().get("/api/v1/journeys/{j}", j).then().body("version", equalTo((int) after));
        // Preview judges a proposal as PUT would: the same clash, nothing stored.
        ObjectNode proposal = (ObjectNode) Fixtures.JSON.valueToTree(Fixtures.riskSoftware(j));
        Fixtures.element(proposal, "proposal-meeting").set("sourceEvents", Fixtures.JSON.valueToTree(List.of(CONTACT_ME)));
        given().contentType(ContentType.JSON).body(proposal).post("/api/v1/journeys/{j}/preview", j).then().statusCode(409)
                .body("errors[0].message", containsString("touchpoint 'proposal-meeting'"));
    }

    @Test
    void badSourceEventsAreRefusedWithTheirFields() {
        String j = Fixtures.uniqueKey("sources-invalid");
        ObjectNode doc = Fixtures.riskSoftware(j);
        Fixtures.element(doc, "decides").set("sourceEvents", Fixtures.JSON.valueToTree(List.of(
                Map.of("type", "TRACK", "name", " "),
                Map.of("type", "PAGE", "name", "Pricing", "where", Map.of("plan", "x".repeat(1001))))));
        Fixtures.putJourney(j, doc).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(Fixtures.pathOf(doc, "decides") + ".sourceEvents[0].name"))
                .body("errors.field", hasItem(containsString(Fixtures.pathOf(doc, "decides") + ".sourceEvents[1].where")));
        Fixtures.element(doc, "decides").set("sourceEvents", Fixtures.JSON.valueToTree(List.of(Map.of("type", "CLICK", "name", "x"))));
        Fixtures.putJourney(j, doc).statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/journeys/{j}", j).then().statusCode(404);
    }

    @Test
    void theMapShowsEachElementsSourceEventsOnItsCard() {
        String j = createRiskSoftware("sources-map");
        String svg = given().get("/api/v1/journeys/{j}/map.svg", j).then().statusCode(200).extract().asString();
        // Long lines wrap at spaces on the card, so the pieces are checked, each of which stays on one line.
        for (String piece : List.of("from page &quot;Risk White Paper&quot;", "from track &quot;Whitepaper", "{contact_me:",
                "{campaign:", "risk-white-paper}")) {
            org.junit.jupiter.api.Assertions.assertTrue(svg.contains(piece), piece + " is on the map");
        }
    }
}
