package com.outsidein.journeys.journey;

import static com.outsidein.journeys.Fixtures.createRiskSoftware;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The fine-grained endpoints: steps, touchpoints, actions, transitions and step order. */
@QuarkusTest
class JourneyElementsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    /** A PUT to an element's URL may leave out its key (the path names it); a create or a whole document may not. */
    @Test
    void keysComeFromThePathOrAreRequired() {
        String key = createRiskSoftware("keys");
        String base = "/api/v1/journeys/" + key;
        given().contentType(ContentType.JSON).body(Map.of("name", "Signs the contract"))
                .put(base + "/steps/decides").then().statusCode(200).body("key", equalTo("decides"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Keyless"))
                .post(base + "/steps").then().statusCode(422).body("errors.field", contains("key"))
                .body("errors[0].message", equalTo("is required"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Keyless", "channel", "EMAIL", "mode", "HUMAN"))
                .post(base + "/steps/decides/touchpoints").then().statusCode(422).body("errors.field", contains("key"));
        given().contentType(ContentType.JSON).body(Map.of("conditions", List.of()))
                .post(base + "/transitions").then().statusCode(422).body("errors.field", contains("from", "to"));
        given().contentType(ContentType.JSON).body(Map.of("name", "No keys", "steps", List.of(Map.of("name", "Keyless"))))
                .put("/api/v1/journeys/{j}", Fixtures.uniqueKey("keyless")).then().statusCode(422)
                .body("errors.field", contains("steps[0].key"));
    }

    @Test
    void stepsCanBeCreatedReadReplacedPatchedAndDeleted() {
        String j = createRiskSoftware("steps");
        String base = "/api/v1/journeys/" + j + "/steps";
        String etag = given().contentType(ContentType.JSON)
                .body(Map.of("key", "onboards", "name", "Rolls the software out", "buyerGoal", "Go live before the audit"))
                .post(base).then().statusCode(201)
                .header("Location", endsWith(base + "/onboards"))
                .body("key", equalTo("onboards")).body("touchpoints", hasSize(0))
                .extract().header("ETag");
        given().get(base).then().statusCode(200).header("ETag", etag)
                .body("key", contains("notices-risk", "researches-risk", "compares-vendors", "decides", "onboards"));

        given().contentType(ContentType.JSON).body(Map.of("name", "Goes live", "staleAfter", "P14D"))
                .put(base + "/onboards").then().statusCode(200)
                .body("name", equalTo("Goes live")).body("staleAfter", equalTo("P14D")).body("buyerGoal", equalTo(null));
        given().contentType(MERGE_PATCH).body(Map.of("buyerGoal", "Pass the audit"))
                .patch(base + "/onboards").then().statusCode(200)
                .body("name", equalTo("Goes live")).body("buyerGoal", equalTo("Pass the audit"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Renews"))
                .put(base + "/renews").then().statusCode(201).header("Location", endsWith(base + "/renews"));

        given().delete(base + "/onboards").then().statusCode(204);
        given().get(base + "/onboards").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("onboards"));
        given().get(base).then().body("key", not(hasItem("onboards")));
    }

    @Test
    void stepErrorsAreProblems() {
        String j = createRiskSoftware("step-errors");
        String base = "/api/v1/journeys/" + j + "/steps";
        given().contentType(ContentType.JSON).body(Map.of("key", "decides", "name", "Again"))
                .post(base).then().statusCode(409).contentType(PROBLEM).body("errors[0].field", equalTo("key"));
        given().contentType(ContentType.JSON).body(Map.of("key", "Bad Key", "name", ""))
                .post(base).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("key", "name"));
        given().contentType(ContentType.JSON).body(Map.of("key", "other", "name", "x"))
                .put(base + "/decides").then().statusCode(422).body("errors[0].field", equalTo("key"));
        given().contentType(ContentType.JSON).body(Map.of("key", "order", "name", "Orders"))
                .post(base).then().statusCode(422).body("errors[0].message", containsString("reserved"));
        given().contentType(ContentType.JSON).body(Map.of("key", "x", "name", "x", "touchpoints", "none"))
                .post(base).then().statusCode(400).body("errors[0].field", equalTo("touchpoints"));
        given().contentType(ContentType.XML).body("<step/>").post(base).then().statusCode(415).contentType(PROBLEM);
        given().contentType(MERGE_PATCH).body(Map.of("optional", true)).patch(base + "/notices-risk")
                .then().statusCode(422).body("errors[0].field", equalTo("steps[0].optional"));
        given().get(base + "/nope").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void deletingAStepRemovesItsTransitionsButNotWhileOthersNameItsElements() {
        String j = createRiskSoftware("step-delete");
        String base = "/api/v1/journeys/" + j;
        // compares-vendors' touchpoints answer nothing elsewhere, but its actions are named by a condition of
        // the transition compares-vendors -> decides, which goes with the step.
        given().delete(base + "/steps/compares-vendors").then().statusCode(204);
        given().get(base + "/transitions").then()
                .body("from", contains("notices-risk")).body("to", contains("researches-risk"));

        // researches-risk's action asks-to-be-contacted is named by no remaining condition, but its
        // touchpoint sales-callback is answered by nothing else either: make another step reference it.
        given().contentType(ContentType.JSON)
                .body(Map.of("key", "asks-again", "name", "Asks again", "expectsResponse", true,
                        "respondedBy", List.of("sales-callback")))
                .post(base + "/steps/decides/actions").then().statusCode(201);
        given().delete(base + "/steps/researches-risk").then().statusCode(409).contentType(PROBLEM)
                .body("errors[0].message", containsString("sales-callback"));
        given().get(base + "/steps/researches-risk").then().statusCode(200);
    }

    @Test
    void stepsCanBeReordered() {
        String j = createRiskSoftware("order");
        String base = "/api/v1/journeys/" + j + "/steps";
        String before = given().get(base).then().extract().header("ETag");
        String after = given().contentType(ContentType.JSON)
                .body(List.of("notices-risk", "compares-vendors", "researches-risk", "decides"))
                .put(base + "/order").then().statusCode(200)
                .body("$", contains("notices-risk", "compares-vendors", "researches-risk", "decides"))
                .extract().header("ETag");
        assertNotEquals(before, after);
        given().get(base).then().body("key", contains("notices-risk", "compares-vendors", "researches-risk", "decides"));

        given().contentType(ContentType.JSON).body(List.of("notices-risk", "decides"))
                .put(base + "/order").then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("keys"));
        given().contentType(ContentType.JSON).header("If-Match", before)
                .body(List.of("notices-risk", "researches-risk", "compares-vendors", "decides"))
                .put(base + "/order").then().statusCode(412);
    }

    @Test
    void touchpointsLiveInTheirStepAndHaveJourneyWideKeys() {
        String j = createRiskSoftware("touchpoints");
        String base = "/api/v1/journeys/" + j + "/steps/decides/touchpoints";
        given().contentType(ContentType.JSON)
                .body(Map.of("key", "live-chat", "name", "Chat on the pricing page", "channel", "LIVE_CHAT",
                        "mode", "HUMAN", "owner", "Inside sales", "staffed", false))
                .post(base).then().statusCode(201).header("Location", endsWith(base + "/live-chat"))
                .body("staffed", equalTo(false));
        given().get(base).then().body("key", contains("proposal-meeting", "live-chat"));
        given().get(base + "/live-chat").then().statusCode(200).body("channel", equalTo("LIVE_CHAT"));
        given().contentType(MERGE_PATCH).body(Map.of("staffed", true, "owner", "Chat team"))
                .patch(base + "/live-chat").then().statusCode(200)
                .body("staffed", equalTo(true)).body("owner", equalTo("Chat team")).body("mode", equalTo("HUMAN"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chat bot", "channel", "LIVE_CHAT", "mode", "AUTOMATED"))
                .put(base + "/live-chat").then().statusCode(200).body("mode", equalTo("AUTOMATED"))
                .body("owner", equalTo(null));

        given().contentType(ContentType.JSON)
                .body(Map.of("key", "sales-callback", "name", "Dup", "channel", "PHONE", "mode", "HUMAN"))
                .post(base).then().statusCode(409).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("key", "x", "name", "No channel"))
                .post(base).then().statusCode(422).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("channel", "mode"));
        given().get("/api/v1/journeys/" + j + "/steps/decides/touchpoints/sales-callback").then().statusCode(404);
        given().get("/api/v1/journeys/" + j + "/steps/nope/touchpoints").then().statusCode(404);

        // sales-callback answers asks-to-be-contacted and is named by a condition: it cannot go.
        given().delete("/api/v1/journeys/" + j + "/steps/researches-risk/touchpoints/sales-callback").then()
                .statusCode(409).contentType(PROBLEM)
                .body("errors.field", hasItem("steps[1].actions[1].respondedBy[0]"));
        given().delete(base + "/live-chat").then().statusCode(204);
        given().get(base + "/live-chat").then().statusCode(404);
    }

    @Test
    void buyerActionsAndTheirResponses() {
        String j = createRiskSoftware("actions");
        String base = "/api/v1/journeys/" + j + "/steps/compares-vendors/actions";
        given().contentType(ContentType.JSON)
                .body(Map.of("key", "opens-chat", "name", "Opens the chat", "expectsResponse", true,
                        "responseSla", "PT2M", "requiresHuman", true, "respondedBy", List.of("needs-call")))
                .post(base).then().statusCode(201).header("Location", endsWith(base + "/opens-chat"))
                .body("respondedBy", contains("needs-call"));
        given().contentType(MERGE_PATCH).body(Map.of("respondedBy", List.of("needs-call", "sales-callback")))
                .patch(base + "/opens-chat").then().statusCode(200)
                .body("respondedBy", contains("needs-call", "sales-callback")).body("responseSla", equalTo("PT2M"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Opens the chat", "respondedBy", List.of("ghost")))
                .put(base + "/opens-chat").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].message", equalTo("unknown touchpoint 'ghost'"));
        given().contentType(ContentType.JSON).body(Map.of("key", "x", "name", "x", "responseSla", "soon"))
                .post(base).then().statusCode(422).body("errors[0].field", containsString("responseSla"));
        given().contentType(ContentType.JSON).body(Map.of("key", "requests-white-paper", "name", "Dup"))
                .post(base).then().statusCode(409);
        // requests-pricing is named by a transition condition.
        given().delete(base + "/requests-pricing").then().statusCode(409)
                .body("errors[0].field", equalTo("transitions[2].conditions[0].action"));
        given().delete(base + "/opens-chat").then().statusCode(204);
        given().get(base).then().body("key", contains("asks-for-references", "requests-pricing"));
    }

    @Test
    void transitionsAreAddressedByTheirSteps() {
        String j = createRiskSoftware("transitions");
        String base = "/api/v1/journeys/" + j + "/transitions";
        given().contentType(ContentType.JSON)
                .body(Map.of("from", "notices-risk", "to", "compares-vendors", "match", "ANY", "conditions",
                        List.of(Map.of("type", "TOUCHPOINT_RECEIVED", "touchpoint", "risk-briefing"))))
                .post(base).then().statusCode(201)
                .header("Location", endsWith(base + "/notices-risk/compares-vendors"));
        given().get(base + "/notices-risk/compares-vendors").then().statusCode(200)
                .body("conditions[0].touchpoint", equalTo("risk-briefing"));
        given().contentType(MERGE_PATCH).body(Map.of("description", "Skips research after a briefing"))
                .patch(base + "/notices-risk/compares-vendors").then().statusCode(200)
                .body("match", equalTo("ANY")).body("description", equalTo("Skips research after a briefing"));
        given().contentType(ContentType.JSON)
                .body(Map.of("conditions", List.of(Map.of("type", "TIME_IN_STEP_AT_LEAST", "duration", "P3D"))))
                .put(base + "/decides/notices-risk").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("from", "notices-risk", "to", "compares-vendors"))
                .post(base).then().statusCode(409).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("from", "decides", "to", "decides"))
                .post(base).then().statusCode(422).body("errors[0].message", containsString("itself"));
        given().contentType(ContentType.JSON).body(Map.of("from", "decides", "to", "nowhere"))
                .post(base).then().statusCode(422).body("errors[0].field", equalTo("transitions[5].to"));
        given().contentType(ContentType.JSON).body(Map.of("from", "x", "to", "decides"))
                .put(base + "/decides/notices-risk").then().statusCode(422);
        given().contentType(ContentType.JSON)
                .body(Map.of("from", "decides", "to", "notices-risk", "conditions", List.of(Map.of("type", "SMOKE_SIGNAL"))))
                .post(base).then().statusCode(400).body("errors[0].field", equalTo("conditions[0].type"));
        given().delete(base + "/decides/notices-risk").then().statusCode(204);
        given().get(base + "/decides/notices-risk").then().statusCode(404).contentType(PROBLEM);
        given().get(base).then().body("$", hasSize(4));
    }

    @Test
    void fineGrainedWritesHonourIfMatch() {
        String j = createRiskSoftware("if-match");
        String base = "/api/v1/journeys/" + j + "/steps/decides";
        String etag = given().get(base).then().extract().header("ETag");
        String newer = given().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("name", "Signs"))
                .patch(base).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, newer);
        given().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("name", "Stale"))
                .patch(base).then().statusCode(412).contentType(PROBLEM);
        given().header("If-Match", etag).delete(base + "/touchpoints/proposal-meeting").then().statusCode(412);
        given().get(base).then().body("name", equalTo("Signs"));
    }
}
