package com.outsidein.journeys.journey;

import static com.outsidein.journeys.Fixtures.JSON;
import static com.outsidein.journeys.Fixtures.example;
import static com.outsidein.journeys.Fixtures.putJourney;
import static com.outsidein.journeys.Fixtures.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who a touchpoint is for: exclusions and looksPersonal through every way a design is written and read. */
@QuarkusTest
class AudienceDesignTest {

    private static final String TOUCHPOINTS = "/api/v1/journeys/{j}/steps/{s}/touchpoints";

    @Test
    void exclusionsAndLooksPersonalSurviveTheRoundTrip() throws Exception {
        String key = uniqueKey("audience");
        ObjectNode doc = example("conference-journey");
        doc.put("key", key);
        putJourney(key, doc).statusCode(201);
        JsonNode back = JSON.readTree(given().get("/api/v1/journeys/{j}", key).then().statusCode(200).extract().asString());
        for (String rules : List.of("/steps/0/touchpoints/0/excludes", "/steps/0/touchpoints/1/excludes",
                "/steps/2/touchpoints/0/excludes")) {
            assertEquals(doc.at(rules), back.at(rules), rules);
        }
        assertEquals(3, back.at("/steps/0/touchpoints/0/excludes/0/values").size() + 1);
        assertTrue(back.at("/steps/2/touchpoints/0/looksPersonal").asBoolean());
        // Left out where unused, so older documents read back as they were written.
        assertTrue(back.at("/steps/0/touchpoints/2").has("excludes") == false
                && back.at("/steps/0/touchpoints/2").has("looksPersonal") == false);
        // And PUT back unchanged keeps the version.
        String etag = given().get("/api/v1/journeys/{j}", key).then().extract().header("ETag");
        given().contentType(ContentType.JSON).body(JSON.writeValueAsString(back)).put("/api/v1/journeys/{j}", key).then()
                .statusCode(200).header("ETag", etag);
    }

    @Test
    void anEmptyValuesListIsTheSameAsNoneAsGeneratedClientsSendIt() {
        String key = uniqueKey("audience-empty");
        putJourney(key, example("conference-journey")).statusCode(201);
        Map<String, Object> followUp = Map.of("key", "seat-follow-up", "name", "Seats are going", "channel", "EMAIL",
                "mode", "AUTOMATED", "owner", "Events team", "excludes", List.of(
                        Map.of("type", "ACTION_PERFORMED", "action", "registers", "values", List.of())));
        given().contentType(ContentType.JSON).body(followUp).post(TOUCHPOINTS, key, "registers-for-the-summit").then()
                .statusCode(201).body("excludes[0].action", equalTo("registers"))
                .body("excludes[0]", not(hasKey("values")));
    }

    @Test
    void everyRuleIsValidatedLikeEveryOtherReference() {
        String key = uniqueKey("bad-rules");
        ObjectNode doc = example("conference-journey");
        ArrayNode rules = (ArrayNode) doc.at("/steps/0/touchpoints/0/excludes");
        rules.removeAll();
        rules.add(JSON.valueToTree(Map.of("type", "REACHED_STEP", "step", "signs-contract")));
        rules.add(JSON.valueToTree(Map.of("type", "ACTION_PERFORMED", "action", "downloads-agenda")));
        rules.add(JSON.valueToTree(Map.of("type", "ATTRIBUTE_IN", "attribute", "role", "values", List.of())));
        rules.add(JSON.valueToTree(Map.of("type", "ATTRIBUTE_IN", "values", List.of("speaker"))));
        rules.add(JSON.valueToTree(Map.of("type", "REACHED_STEP", "step", "attends-the-talks", "attribute", "role")));
        rules.add(JSON.valueToTree(Map.of("step", "attends-the-talks")));
        String at = "steps[0].touchpoints[0].excludes";
        putJourney(key, doc).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(at + "[5].type"));
        rules.remove(5);
        putJourney(key, doc).statusCode(422)
                .body("errors.field", containsInAnyOrder(at + "[0].step", at + "[1].action", at + "[2].values",
                        at + "[3].attribute", at + "[4].attribute"))
                .body("errors.find { it.field == '" + at + "[0].step' }.message", equalTo("unknown step 'signs-contract'"))
                .body("errors.find { it.field == '" + at + "[1].action' }.message", equalTo("unknown action 'downloads-agenda'"))
                .body("errors.find { it.field == '" + at + "[4].attribute' }.message", equalTo("does not apply to this type"));
        given().get("/api/v1/journeys/{j}", key).then().statusCode(404);
    }

    @Test
    void theFineGrainedEndpointsAndPatchKeepAndCheckRules() {
        String key = uniqueKey("audience-edit");
        putJourney(key, example("conference-journey")).statusCode(201);
        Map<String, Object> reminder = Map.of("key", "seat-reminder", "name", "Please register: seats are going",
                "channel", "EMAIL", "mode", "AUTOMATED", "owner", "Events team", "looksPersonal", true,
                "excludes", List.of(Map.of("type", "ACTION_PERFORMED", "action", "registers", "note", "They have a seat")));
        given().contentType(ContentType.JSON).body(reminder).post(TOUCHPOINTS, key, "registers-for-the-summit").then()
                .statusCode(201).body("looksPersonal", equalTo(true)).body("excludes[0].action", equalTo("registers"));
        given().contentType(ContentType.JSON).body(Map.of("excludes", List.of(Map.of("type", "ACTION_PERFORMED",
                "action", "no-such-action")))).patch(TOUCHPOINTS + "/{t}", key, "registers-for-the-summit", "seat-reminder")
                .then().statusCode(422).body("errors[0].field", containsString(".excludes[0].action"));
        given().contentType("application/merge-patch+json").body(Map.of("looksPersonal", false))
                .patch(TOUCHPOINTS + "/{t}", key, "registers-for-the-summit", "seat-reminder").then().statusCode(200)
                .body("looksPersonal", nullValue()).body("excludes.note", contains("They have a seat"));
        // A step a rule names cannot be deleted while the rule stands.
        given().delete("/api/v1/journeys/{j}/steps/{s}", key, "registers-for-the-summit").then().statusCode(409)
                .body("errors.field", hasItem("steps[0].touchpoints[1].excludes[0].step"));
        // Without rules and not personal, an automated mail is untargeted; personal-looking, disguised.
        given().contentType("application/merge-patch+json").body("{\"excludes\": null, \"looksPersonal\": true}")
                .patch(TOUCHPOINTS + "/{t}", key, "registers-for-the-summit", "seat-reminder").then().statusCode(200);
        given().get("/api/v1/journeys/{j}/gaps", key).then().statusCode(200)
                .body("gaps.id", hasItem("untargeted-automation.seat-reminder"))
                .body("gaps.id", hasItem("disguised-automation.seat-reminder"))
                .body("gaps.find { it.id == 'disguised-automation.seat-reminder' }.fix", containsString("mode HUMAN"))
                .body("gaps.find { it.id == 'untargeted-automation.seat-reminder' }.severity", equalTo("LOW"))
                .body("gaps.id", not(hasItem("untargeted-automation.summit-invitation")));
    }

    @Test
    void theMapShowsWhoATouchpointIsNotFor() {
        String key = uniqueKey("audience-map");
        putJourney(key, example("conference-journey")).statusCode(201);
        String svg = given().get("/api/v1/journeys/{j}/map.svg", key).then().statusCode(200).extract().asString();
        // Lines wrap inside the card, so each rule is looked for by its opening words.
        assertTrue(svg.contains("\u2715 not for role in speaker,"), svg);
        assertTrue(svg.contains("\u2715 not for those who did"), svg);
        assertTrue(svg.contains("\u2715 not for those who reached"), svg);
        assertTrue(svg.contains("\u270e written to look personal"), svg);
    }

    @Test
    void optOutsAreValidatedIdempotentAndAtomic() {
        String key = uniqueKey("opt-outs");
        putJourney(key, example("conference-journey")).statusCode(201);
        String id = UUID.randomUUID().toString();
        List<Map<String, Object>> bad = List.of(
                Map.of("id", UUID.randomUUID().toString(), "prospect", "p1", "type", "OPTED_OUT", "channel", "FAX",
                        "occurredAt", "2026-05-01T00:00:00Z"),
                Map.of("id", UUID.randomUUID().toString(), "prospect", "p1", "type", "STEP_ENTERED", "step",
                        "hears-of-the-summit", "channel", "EMAIL", "occurredAt", "2026-05-01T00:00:00Z"),
                Map.of("id", UUID.randomUUID().toString(), "prospect", "p1", "type", "OPTED_OUT", "touchpoint",
                        "summit-invitation", "occurredAt", "2026-05-01T00:00:00Z"),
                Map.of("id", id, "prospect", "p1", "type", "OPTED_OUT", "occurredAt", "2026-05-01T00:00:00Z"));
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/journeys/{j}/events", key).then().statusCode(422)
                .body("errors.field", contains("[0].channel", "[1].channel", "[2].touchpoint"));
        given().get("/api/v1/journeys/{j}/prospects/p1", key).then().statusCode(404);
        List<Map<String, Object>> good = List.of(bad.get(3));
        given().contentType(ContentType.JSON).body(good).post("/api/v1/journeys/{j}/events", key).then().statusCode(200)
                .body("accepted", equalTo(1));
        given().contentType(ContentType.JSON).body(good).post("/api/v1/journeys/{j}/events", key).then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        // The same id with a channel is other content.
        given().contentType(ContentType.JSON).body(List.of(Map.of("id", id, "prospect", "p1", "type", "OPTED_OUT",
                "channel", "EMAIL", "occurredAt", "2026-05-01T00:00:00Z"))).post("/api/v1/journeys/{j}/events", key)
                .then().statusCode(422).body("errors[0].field", equalTo("[0].id"));
    }
}
