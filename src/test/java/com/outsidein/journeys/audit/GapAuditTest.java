package com.outsidein.journeys.audit;

import static com.outsidein.journeys.Fixtures.example;
import static com.outsidein.journeys.Fixtures.putJourney;
import static com.outsidein.journeys.Fixtures.riskSoftware;
import static com.outsidein.journeys.Fixtures.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class GapAuditTest {

    private static final String PROBLEM = "application/problem+json";

    private static String put(String exampleName) {
        String key = uniqueKey(exampleName);
        ObjectNode doc = example(exampleName);
        doc.put("key", key);
        putJourney(key, doc).statusCode(201);
        return key;
    }

    private static String gapsOf(String key) {
        return "/api/v1/journeys/" + key + "/gaps";
    }

    @Test
    void theWellDesignedExampleHasNoGap() {
        String key = put("risk-software-journey");
        given().get(gapsOf(key)).then().statusCode(200)
                .body("journey", equalTo(key))
                .body("gaps", hasSize(0)).body("acknowledged", hasSize(0))
                .body("summary.high", equalTo(0)).body("summary.score", equalTo(100));
    }

    @Test
    void theUnansweredContactRequestIsTheOnlyGapOfItsStory() {
        String key = put("white-paper-contact-me");
        given().get(gapsOf(key)).then().statusCode(200)
                .body("gaps.id", contains("unanswered-action.ticks-contact-me"))
                .body("gaps[0].type", equalTo("UNANSWERED_ACTION"))
                .body("gaps[0].severity", equalTo("HIGH"))
                .body("gaps[0].step", equalTo("studies-the-problem"))
                .body("gaps[0].subject", equalTo("ticks-contact-me"))
                .body("gaps[0].message", containsString("please have a salesperson contact me"))
                .body("gaps[0].fix", containsString("respondedBy"))
                .body("summary.high", equalTo(1)).body("summary.medium", equalTo(0))
                .body("summary.score", equalTo(90));
    }

    @Test
    void theUnstaffedChatAndTheSwitchboardAreFound() {
        String key = put("unstaffed-chat-switchboard");
        given().get(gapsOf(key)).then().statusCode(200)
                .body("gaps.id", contains("unstaffed-response.live-chat", "unowned-response.main-number"))
                .body("gaps.step", contains("looks-for-help", "looks-for-help"))
                .body("gaps[0].message", containsString("not staffed"))
                .body("gaps[1].message", containsString("nobody owns it"))
                .body("summary.score", equalTo(80));
    }

    @Test
    void theAutomatedNurtureStreamHasNoHumanAnywhere() {
        String key = put("automated-nurture");
        given().get(gapsOf(key)).then().statusCode(200)
                .body("gaps.id", contains(
                        "automated-only-response.replies-with-question",
                        "no-human-touchpoint.signs-up-for-updates",
                        "no-human-touchpoint.nurture-stream",
                        "no-human-touchpoint.requests-a-quote",
                        // Every mail and ad goes to everyone: no touchpoint says who must not get it.
                        "untargeted-automation.welcome-mail",
                        "untargeted-automation.autoresponder",
                        "untargeted-automation.drip-mails",
                        "inside-out-step.nurture-stream",
                        "untargeted-automation.retargeting-ads"))
                .body("gaps.severity", contains("HIGH", "MEDIUM", "MEDIUM", "MEDIUM", "LOW", "LOW", "LOW", "LOW", "LOW"))
                .body("gaps[0].message", containsString("'Autoresponder'"))
                .body("gaps[4].message", containsString("'Welcome mail' goes out automatically by EMAIL"))
                .body("gaps[7].message", containsString("('nurture stream': what the company does to the buyer)"))
                .body("summary.high", equalTo(1)).body("summary.medium", equalTo(3)).body("summary.low", equalTo(5))
                .body("summary.score", equalTo(100 - 10 - 12 - 5));
    }

    @Test
    void emptyStepsMissingSlasAndUndefinedTransitionsAreFound() {
        String key = uniqueKey("rules");
        ObjectNode doc = riskSoftware(key);
        ArrayNode steps = (ArrayNode) doc.get("steps");
        ((ObjectNode) steps.get(3)).putArray("touchpoints");
        ((ObjectNode) steps.get(3)).putArray("actions");
        ((ObjectNode) steps.get(2).get("actions").get(0)).remove("responseSla");
        ((ArrayNode) doc.get("transitions")).remove(2);
        ((ObjectNode) doc.get("transitions").get(0)).putArray("conditions");
        putJourney(key, doc).statusCode(201);

        given().get(gapsOf(key)).then().statusCode(200)
                .body("gaps.id", contains(
                        "undefined-transition.notices-risk.researches-risk",
                        "missing-sla.asks-for-references",
                        "undefined-transition.compares-vendors.decides",
                        "empty-step.decides"))
                .body("gaps.subject", contains("notices-risk->researches-risk", "asks-for-references",
                        "compares-vendors->decides", "decides"))
                .body("gaps[0].message", containsString("no recorded condition"))
                .body("gaps[2].message", containsString("Nothing records"))
                .body("gaps[3].fix", containsString("get the board's approval"));
    }

    @Test
    void gapsComeAsCsvOnRequest() {
        String key = put("unstaffed-chat-switchboard");
        String csv = given().accept("text/csv").get(gapsOf(key)).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(3, lines.size(), csv);
        org.junit.jupiter.api.Assertions.assertEquals(
                "id,status,type,severity,step,subject,message,fix,acknowledgedReason", lines.get(0));
        org.junit.jupiter.api.Assertions.assertTrue(
                lines.get(1).startsWith("unstaffed-response.live-chat,OPEN,UNSTAFFED_RESPONSE,HIGH,looks-for-help,live-chat,"),
                lines.get(1));
    }

    @Test
    void anAcknowledgedGapIsReportedApartUntilItsCauseChanges() {
        String key = put("white-paper-contact-me");
        String ack = gapsOf(key) + "/unanswered-action.ticks-contact-me/acknowledgement";
        given().contentType(ContentType.JSON).body(Map.of("reason", "Partners call back until Q3"))
                .put(ack).then().statusCode(201)
                .body("gapId", equalTo("unanswered-action.ticks-contact-me"))
                .body("reason", equalTo("Partners call back until Q3")).body("lapsed", equalTo(false));
        given().get(gapsOf(key)).then()
                .body("gaps", hasSize(0))
                .body("acknowledged.id", contains("unanswered-action.ticks-contact-me"))
                .body("acknowledged[0].acknowledgement.reason", equalTo("Partners call back until Q3"))
                .body("summary.acknowledged", equalTo(1)).body("summary.score", equalTo(100));

        // An unrelated change keeps the acknowledgement.
        given().contentType("application/merge-patch+json").body(Map.of("buyerGoal", "Choose with confidence"))
                .patch("/api/v1/journeys/" + key + "/steps/shortlists-vendors").then().statusCode(200);
        given().get(gapsOf(key)).then().body("gaps", hasSize(0)).body("acknowledged", hasSize(1));

        // Changing the action behind the gap lapses it: the gap is open again, showing the old reason.
        given().contentType("application/merge-patch+json").body(Map.of("responseSla", "PT8H"))
                .patch("/api/v1/journeys/" + key + "/steps/studies-the-problem/actions/ticks-contact-me")
                .then().statusCode(200);
        given().get(gapsOf(key)).then()
                .body("gaps.id", contains("unanswered-action.ticks-contact-me"))
                .body("gaps[0].acknowledgement.lapsed", equalTo(true))
                .body("gaps[0].acknowledgement.reason", equalTo("Partners call back until Q3"))
                .body("acknowledged", hasSize(0)).body("summary.score", equalTo(90));

        given().contentType(ContentType.JSON).body(Map.of("reason", "Still partners"))
                .put(ack).then().statusCode(200).body("reason", equalTo("Still partners"));
        given().get(gapsOf(key)).then().body("acknowledged", hasSize(1));
        given().delete(ack).then().statusCode(204);
        given().get(gapsOf(key)).then().body("gaps", hasSize(1)).body("gaps[0].acknowledgement", equalTo(null));
        given().delete(ack).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void concurrentAcknowledgementsOfOneGapCreateItOnce() throws Exception {
        String key = put("white-paper-contact-me");
        String ack = gapsOf(key) + "/unanswered-action.ticks-contact-me/acknowledgement";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String reason = "Reason " + i;
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON).body(Map.of("reason", reason))
                        .put(ack).then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            org.junit.jupiter.api.Assertions.assertEquals(15, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        given().get(gapsOf(key)).then().body("acknowledged", hasSize(1));
    }

    @Test
    void acknowledgementErrorsAreProblems() {
        String key = put("white-paper-contact-me");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .put(gapsOf(key) + "/empty-step.nowhere/acknowledgement").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("empty-step.nowhere"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "  "))
                .put(gapsOf(key) + "/unanswered-action.ticks-contact-me/acknowledgement").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x", "until", "2027"))
                .put(gapsOf(key) + "/unanswered-action.ticks-contact-me/acknowledgement").then().statusCode(400)
                .body("errors[0].field", equalTo("until"));
        given().get(gapsOf(uniqueKey("none"))).then().statusCode(404).contentType(PROBLEM);
    }
}
