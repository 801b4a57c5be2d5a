package com.outsidein.journeys.report.live;

import static com.outsidein.journeys.EventFixtures.entered;
import static com.outsidein.journeys.EventFixtures.event;
import static com.outsidein.journeys.EventFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.outsidein.journeys.EventFixtures;
import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Live-gap reports on a dataset worked out by hand (hours after T0):
 * A: s1 0, asks-contact 1, mail 1.5 (automated: cannot answer it), wants-paper 2, mail 2.5, call 3.
 * B: s1 0, call 0.5 (before any action), asks-contact 1, asks-contact 2, call 10 (answers the first, late), wants-paper 20.
 * C: s1 0, s2 24, opens-chat 25, chat 25h05, wants-paper 26, mail 26 (same instant), opens-chat 30.
 * D: s1 0, asks-contact 0, mail 0.5 (automated only: stays unanswered).
 */
@QuarkusTest
class LiveReportsTest {

    private static final double H = 1 / 24d;
    private static String journey;

    @BeforeEach
    synchronized void createOnce() {
        if (journey != null) {
            return;
        }
        journey = Fixtures.uniqueKey("live");
        Fixtures.putJourney(journey, design()).statusCode(201);
        List<Map<String, Object>> events = events();
        java.util.Collections.reverse(events); // arrival order must not matter
        post(journey, events).statusCode(200).body("accepted", equalTo(22));
    }

    private static Map<String, Object> design() {
        return Map.of("name", "Live", "steps", List.of(
                Map.of("key", "s1", "name", "Looks around", "staleAfter", "P10D", "touchpoints", List.of(
                        Map.of("key", "mail", "name", "Mail", "channel", "EMAIL", "mode", "AUTOMATED", "owner", "Marketing automation"),
                        Map.of("key", "call", "name", "Call", "channel", "PHONE", "mode", "HUMAN", "owner", "Inside sales")),
                        "actions", List.of(
                                Map.of("key", "asks-contact", "name", "Asks to be contacted", "expectsResponse", true,
                                        "responseSla", "PT4H", "requiresHuman", true, "respondedBy", List.of("mail", "call")),
                                Map.of("key", "wants-paper", "name", "Wants the paper", "expectsResponse", true,
                                        "responseSla", "PT1H", "respondedBy", List.of("mail")))),
                Map.of("key", "s2", "name", "Talks", "staleAfter", "P5D", "touchpoints", List.of(
                        Map.of("key", "chat", "name", "Chat", "channel", "LIVE_CHAT", "mode", "HUMAN")),
                        "actions", List.of(Map.of("key", "opens-chat", "name", "Opens the chat", "expectsResponse", true,
                                "responseSla", "PT10M", "respondedBy", List.of("chat"))))),
                "transitions", List.of(Map.of("from", "s1", "to", "s2", "conditions",
                        List.of(Map.of("type", "ACTION_PERFORMED", "action", "asks-contact")))));
    }

    private static List<Map<String, Object>> events() {
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(entered("A", "s1", 0));
        events.add(action("A", "asks-contact", 1));
        events.add(touch("A", "mail", 1.5));
        events.add(action("A", "wants-paper", 2));
        events.add(touch("A", "mail", 2.5));
        events.add(touch("A", "call", 3));
        events.add(entered("B", "s1", 0));
        events.add(touch("B", "call", 0.5));
        events.add(action("B", "asks-contact", 1));
        events.add(action("B", "asks-contact", 2));
        events.add(touch("B", "call", 10));
        events.add(action("B", "wants-paper", 20));
        events.add(entered("C", "s1", 0));
        events.add(entered("C", "s2", 24 * H));
        events.add(action("C", "opens-chat", 25));
        events.add(touch("C", "chat", 25 + 5 / 60d));
        events.add(action("C", "wants-paper", 26));
        events.add(touch("C", "mail", 26));
        events.add(action("C", "opens-chat", 30));
        events.add(entered("D", "s1", 0));
        events.add(action("D", "asks-contact", 0));
        events.add(touch("D", "mail", 0.5));
        return events;
    }

    private static Map<String, Object> action(String prospect, String action, double hours) {
        return event(prospect, "ACTION_PERFORMED", "action", action, hours * H, null);
    }

    private static Map<String, Object> touch(String prospect, String touchpoint, double hours) {
        return event(prospect, "TOUCHPOINT_DELIVERED", "touchpoint", touchpoint, hours * H, null);
    }

    private static String url(String report) {
        return "/api/v1/journeys/" + journey + "/reports/" + report;
    }

    private static String hoursAfterT0(double hours) {
        return EventFixtures.at(hours * H);
    }

    @Test
    void responsesCountAnswersInSlaLateAndMissing() {
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-02-01").queryParam("asOf", hoursAfterT0(48))
                .get(url("responses")).then().statusCode(200)
                .body("actions.action", contains("asks-contact", "wants-paper", "opens-chat"))
                .body("actions.performed", contains(4, 3, 2))
                .body("actions.answeredInSla", contains(1, 2, 1))
                .body("actions.answeredLate", contains(1, 0, 0))
                .body("actions.unanswered", contains(2, 1, 1))
                .body("actions.responseP50", contains(7200, 0, 300))
                .body("actions.responseP90", contains(32400, 1800, 300))
                // asks-contact requires a human: the automated mail cannot answer it, so its owner is not listed.
                .body("actions[0].owners", contains("Inside sales"))
                .body("actions[2].owners", empty())
                .body("actions[0].responseSla", equalTo("PT4H"));
        // Only actions performed in the range count; answers are still matched over all time.
        given().queryParam("from", hoursAfterT0(1.5)).queryParam("to", hoursAfterT0(25)).queryParam("asOf", hoursAfterT0(48))
                .get(url("responses")).then().statusCode(200)
                .body("actions.performed", contains(1, 2, 0))
                .body("actions[0].unanswered", equalTo(1))
                .body("actions[1].answeredInSla", equalTo(1));
        String csv = given().accept("text/csv").queryParam("from", "2026-01-01").queryParam("to", "2026-02-01")
                .queryParam("asOf", hoursAfterT0(48)).get(url("responses")).then().statusCode(200).extract().asString();
        assertEquals("asks-contact,s1,PT4H,Inside sales,4,1,1,2,7200,32400", csv.lines().toList().get(1));
    }

    @Test
    void openResponsesAreTheDroppedBallsOldestFirst() {
        String cursor = given().queryParam("asOf", hoursAfterT0(48)).queryParam("limit", 2).get(url("responses/open")).then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("items.prospect", contains("D", "B"))
                .body("items.action", contains("asks-contact", "asks-contact"))
                .body("items[0].overdueSeconds", equalTo(44 * 3600))
                .body("items[1].overdueSeconds", equalTo(42 * 3600))
                .body("items[1].dueAt", equalTo(hoursAfterT0(6)))
                .body("items[0].owners", contains("Inside sales"))
                .extract().path("nextCursor");
        given().queryParam("asOf", hoursAfterT0(48)).queryParam("limit", 2).queryParam("cursor", cursor)
                .get(url("responses/open")).then().statusCode(200)
                .body("items.prospect", contains("B", "C"))
                .body("items.action", contains("wants-paper", "opens-chat"))
                .body("items.overdueSeconds", contains(27 * 3600, 17 * 3600 + 50 * 60))
                .body("items[1].owners", empty())
                .body("nextCursor", nullValue());
        // Before C's second chat, only three are waiting, and one is still within its SLA.
        given().queryParam("asOf", hoursAfterT0(20.5)).get(url("responses/open")).then()
                .body("items.prospect", contains("D", "B", "B"))
                .body("items[2].overdueSeconds", equalTo(-1800));
        given().queryParam("cursor", "%%%").get(url("responses/open")).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void contactPressureUsesHalfOpenRollingWindows() {
        given().queryParam("window", "PT2H").queryParam("cap", 1).get(url("contact-pressure")).then().statusCode(200)
                .body("total", equalTo(2))
                .body("prospects.prospect", contains("A", "C"))
                .body("prospects.maxInWindow", contains(3, 2))
                .body("prospects[0].windowStart", equalTo(hoursAfterT0(1.5)))
                .body("prospects[0].touches", equalTo(3))
                .body("steps.step", contains("s1", "s2"))
                .body("steps.human", contains(3, 1))
                .body("steps.automated", contains(4, 0))
                .body("steps[0].humanToAutomated", equalTo(0.75f))
                .body("steps[1].humanToAutomated", nullValue());
        // B's two calls are exactly 9h30 apart: not in one 9h30 window, in one 9h31 window.
        given().queryParam("window", "PT9H30M").queryParam("cap", 2).get(url("contact-pressure")).then()
                .body("prospects.prospect", contains("A"));
        given().queryParam("window", "PT9H31M").queryParam("cap", 1).get(url("contact-pressure")).then()
                .body("prospects.prospect", contains("A", "B", "C"))
                .body("prospects.maxInWindow", contains(3, 2, 2));
        given().queryParam("window", "soon").get(url("contact-pressure")).then().statusCode(400)
                .body("errors[0].field", equalTo("window"));
    }

    @Test
    void staleProspectsAndLateFollowUps() {
        given().queryParam("asOf", hoursAfterT0(8 * 24)).get(url("stale")).then().statusCode(200)
                .body("stale.prospect", contains("C"))
                .body("stale[0].step", equalTo("s2"))
                .body("stale[0].idleSeconds", equalTo(162 * 3600))
                .body("lateFollowUps", hasSize(0));
        given().queryParam("asOf", hoursAfterT0(11 * 24)).queryParam("lateFactor", 2).get(url("stale")).then()
                .statusCode(200)
                .body("stale.prospect", contains("D", "A", "B", "C"))
                .body("stale.idleSeconds", contains((int) (263.5 * 3600), 261 * 3600, 244 * 3600, 234 * 3600))
                .body("lateFollowUps.prospect", contains("B"))
                .body("lateFollowUps[0].action", equalTo("asks-contact"))
                .body("lateFollowUps[0].answeredBy", equalTo("call"))
                .body("lateFollowUps[0].slaMultiple", equalTo(2.25f));
        given().queryParam("lateFactor", 0.5).get(url("stale")).then().statusCode(400)
                .body("errors[0].field", equalTo("lateFactor"));
        given().queryParam("asOf", "tomorrow").get(url("stale")).then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    /**
     * One prospect: enters a P1D step on day 0 and asks for an answer due in an hour; the answer comes on
     * day 10. As of day 5 nothing after day 0 had happened: stale for 5 days, the action still open.
     */
    @Test
    void everyAsOfReportSeesOnlyWhatHadHappenedByThen() {
        String key = Fixtures.uniqueKey("as-of");
        Fixtures.putJourney(key, Map.of("name", "As of", "steps", List.of(
                Map.of("key", "s1", "name", "Looks around", "staleAfter", "P1D", "touchpoints", List.of(
                        Map.of("key", "call", "name", "Call", "channel", "PHONE", "mode", "HUMAN", "owner", "Inside sales")),
                        "actions", List.of(Map.of("key", "asks", "name", "Asks", "expectsResponse", true,
                                "responseSla", "PT1H", "respondedBy", List.of("call"))))))).statusCode(201);
        post(key, List.of(entered("E", "s1", 0), event("E", "ACTION_PERFORMED", "action", "asks", 0, null),
                event("E", "TOUCHPOINT_DELIVERED", "touchpoint", "call", 10, null))).statusCode(200);
        String reports = "/api/v1/journeys/" + key + "/reports/";

        given().queryParam("asOf", EventFixtures.at(5)).get(reports + "stale").then().statusCode(200)
                .body("stale.prospect", contains("E"))
                .body("stale[0].idleSince", equalTo(EventFixtures.at(0)))
                .body("stale[0].idleSeconds", equalTo(5 * 86400))
                .body("lateFollowUps", empty());
        given().queryParam("asOf", EventFixtures.at(5)).queryParam("from", "2026-01-01").queryParam("to", "2026-02-01")
                .get(reports + "responses").then().statusCode(200)
                .body("actions[0].performed", equalTo(1))
                .body("actions[0].answeredLate", equalTo(0))
                .body("actions[0].unanswered", equalTo(1));
        given().queryParam("asOf", EventFixtures.at(5)).get(reports + "responses/open").then().statusCode(200)
                .body("items.prospect", contains("E"))
                .body("items[0].overdueSeconds", equalTo(5 * 86400 - 3600));

        // As of day 11.5 the answer had come, 240 times its SLA late, and the prospect is idle since day 10.
        given().queryParam("asOf", EventFixtures.at(11.5)).queryParam("lateFactor", 3).get(reports + "stale").then()
                .statusCode(200)
                .body("stale[0].idleSeconds", equalTo(129600))
                .body("lateFollowUps.prospect", contains("E"))
                .body("lateFollowUps[0].slaMultiple", equalTo(240.0f));
        given().queryParam("asOf", EventFixtures.at(11)).get(reports + "responses/open").then().statusCode(200)
                .body("items", empty());
    }

    /**
     * The same events, shuffled and spread over five batches whose later ones carry the earliest events
     * (merged into prospects already stored), answer every live report exactly as one ordered batch does.
     */
    @Test
    void lateAndOutOfOrderBatchesGiveTheSameLiveReports() {
        String late = Fixtures.uniqueKey("live-late");
        Fixtures.putJourney(late, design()).statusCode(201);
        List<Map<String, Object>> events = events();
        events.sort(java.util.Comparator.comparing((Map<String, Object> e) -> (String) e.get("occurredAt")).reversed());
        List<Map<String, Object>> shuffledTail = new ArrayList<>(events.subList(4, events.size()));
        java.util.Collections.shuffle(shuffledTail, new java.util.Random(42));
        List<Map<String, Object>> arrival = new ArrayList<>(events.subList(0, 4)); // the newest arrive first
        arrival.addAll(shuffledTail);
        for (int from = 0; from < arrival.size(); from += 5) {
            post(late, arrival.subList(from, Math.min(arrival.size(), from + 5))).statusCode(200);
        }
        String asOf = hoursAfterT0(11 * 24);
        for (String report : List.of("responses?from=2026-01-01&to=2026-02-01&asOf=" + asOf, "responses/open?asOf=" + asOf,
                "contact-pressure?cap=1", "stale?lateFactor=2&asOf=" + asOf, "transitions?asOf=" + asOf)) {
            String expected = given().urlEncodingEnabled(false).get(url(report)).then().statusCode(200).extract().asString();
            String actual = given().urlEncodingEnabled(false).get("/api/v1/journeys/" + late + "/reports/" + report).then()
                    .statusCode(200).extract().asString();
            assertEquals(expected.replace(journey, "J"), actual.replace(late, "J"), report);
        }
    }

    /** Deleting an action after its events exist drops it from the reports and leaves the others exact. */
    @Test
    void aDesignChangeAfterIngestKeepsTheReportsRight() {
        String changed = Fixtures.uniqueKey("live-changed");
        Fixtures.putJourney(changed, design()).statusCode(201);
        post(changed, events()).statusCode(200);
        given().delete("/api/v1/journeys/{j}/steps/s1/actions/wants-paper", changed).then().statusCode(204);
        given().contentType("application/merge-patch+json").body(Map.of("name", "Talks with us")).patch("/api/v1/journeys/{j}/steps/s2", changed).then()
                .statusCode(200);
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-02-01").queryParam("asOf", hoursAfterT0(48))
                .get("/api/v1/journeys/{j}/reports/responses", changed).then().statusCode(200)
                .body("actions.action", contains("asks-contact", "opens-chat"))
                .body("actions.performed", contains(4, 2))
                .body("actions.answeredInSla", contains(1, 1))
                .body("actions.unanswered", contains(2, 1));
        given().queryParam("asOf", hoursAfterT0(48)).get("/api/v1/journeys/{j}/reports/responses/open", changed).then()
                .statusCode(200)
                .body("items.action", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(equalTo("wants-paper"))));
    }
}
