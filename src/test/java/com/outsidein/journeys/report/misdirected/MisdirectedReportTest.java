package com.outsidein.journeys.report.misdirected;

import static com.outsidein.journeys.Fixtures.example;
import static com.outsidein.journeys.Fixtures.putJourney;
import static com.outsidein.journeys.Fixtures.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.outsidein.journeys.EventFixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The conference example of the README, worked by hand (examples/conference-events.json says why each
 * delivery is or is not misdirected): every rule kind, opt-outs of one channel and of all, deliveries in
 * the same second as the event that excludes them (fine) and after it (misdirected), the range's ends, and
 * touchpoints without rules.
 */
@QuarkusTest
class MisdirectedReportTest {

    private static String journey;

    /** Once per class; in @BeforeEach because the app's port is set only then. */
    @BeforeEach
    void loadTheConference() throws Exception {
        if (journey != null) {
            return;
        }
        journey = uniqueKey("summit");
        var doc = example("conference-journey");
        putJourney(journey, doc).statusCode(201);
        String events = Files.readString(Path.of("examples/conference-events.json"));
        given().contentType(ContentType.JSON).body(events).post("/api/v1/journeys/{j}/events", journey).then()
                .statusCode(200).body("accepted", equalTo(27)).body("duplicates", equalTo(0));
    }

    private static RequestSpecification may() {
        return given().queryParam("from", "2026-05-04").queryParam("to", "2026-06-03");
    }

    @Test
    void eachDeliveryIsJudgedByTheRulesAndOptOutsBeforeIt() {
        may().get("/api/v1/journeys/{j}/reports/misdirected", journey).then().statusCode(200)
                .body("from", equalTo("2026-05-04T00:00:00Z")).body("to", equalTo("2026-06-03T00:00:00Z"))
                .body("touchpoints.touchpoint", contains("summit-invitation", "early-bird-offer", "programme-newsletter",
                        "account-manager-call", "registration-desk", "talk-recommendation", "booth-conversation"))
                .body("touchpoints.delivered", contains(8, 2, 3, 0, 0, 2, 1))
                .body("touchpoints.misdirected", contains(4, 1, 1, 0, 0, 1, 1))
                .body("touchpoints.optedOut", contains(1, 0, 1, 0, 0, 0, 1))
                // The invitation: anna (speaker) and eve (staff, who had also registered: both rules, counted once
                // as misdirected); ben after registering; cara after opting out of e-mail.
                .body("touchpoints[0].rules.rule", contains("ATTRIBUTE_IN role", "ACTION_PERFORMED registers"))
                .body("touchpoints[0].rules.misdirected", contains(2, 2))
                .body("touchpoints[0].rules[0].note", equalTo("Speakers and staff are already coming"))
                .body("touchpoints[0].owner", equalTo("Events team"))
                .body("touchpoints[0].channel", equalTo("EMAIL"))
                .body("touchpoints[0].step", equalTo("hears-of-the-summit"))
                .body("touchpoints[0].examples.prospect", contains("speaker-anna", "staff-eve", "cro-ben", "risk-cara"))
                .body("touchpoints[0].examples.deliveredAt", contains("2026-05-05T09:00:00Z", "2026-05-05T09:00:00Z",
                        "2026-05-07T09:00:00Z", "2026-05-10T09:00:00Z"))
                .body("touchpoints[0].examples.rule", contains("ATTRIBUTE_IN role", "ATTRIBUTE_IN role",
                        "ACTION_PERFORMED registers", "OPTED_OUT"))
                // The early-bird offer: ben's in the second he registered is fine, the later one is not.
                .body("touchpoints[1].rules.rule", contains("REACHED_STEP registers-for-the-summit"))
                .body("touchpoints[1].rules.misdirected", contains(1))
                .body("touchpoints[1].examples.deliveredAt", contains("2026-05-08T09:00:00Z"))
                // The newsletter has no rules: only dan's opt-out of everything counts, not cara's of e-mail.
                .body("touchpoints[2].rules", empty())
                .body("touchpoints[2].examples.prospect", contains("cfo-dan"))
                .body("touchpoints[2].examples.deliveredAt", contains("2026-05-11T09:00:00Z"))
                .body("touchpoints[3].examples", empty())
                // The speaker told to hear her own talk; ben, a CRO, rightly got it.
                .body("touchpoints[5].examples.prospect", contains("speaker-anna"))
                .body("touchpoints[5].rules.misdirected", contains(1))
                .body("touchpoints[6].examples.rule", contains("OPTED_OUT"))
                .body("touchpoints[6].owner", equalTo("Field sales"));
    }

    @Test
    void theRangeSelectsDeliveriesNotTheEventsThatExcludeThem() {
        // From ben's second invitation on: his registration lies before the range and still counts.
        given().queryParam("from", "2026-05-07T09:00:00Z").queryParam("to", "2026-05-07T09:00:01Z")
                .get("/api/v1/journeys/{j}/reports/misdirected", journey).then().statusCode(200)
                .body("touchpoints[0].delivered", equalTo(1)).body("touchpoints[0].misdirected", equalTo(1))
                .body("touchpoints[0].rules.misdirected", contains(0, 1));
    }

    @Test
    void theReportComesAsCsv() {
        String csv = may().accept("text/csv").get("/api/v1/journeys/{j}/reports/misdirected", journey).then()
                .statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("touchpoint,step,channel,owner,delivered,misdirected,optedOut,rules", lines.get(0));
        assertEquals("summit-invitation,hears-of-the-summit,EMAIL,Events team,8,4,1,ATTRIBUTE_IN role=2; ACTION_PERFORMED registers=2",
                lines.get(1));
        assertEquals("programme-newsletter,hears-of-the-summit,NEWSLETTER,Marketing,3,1,1,", lines.get(3));
        assertEquals(8, lines.size());
    }

    @Test
    void aJourneyWithoutRulesOrOptOutsHasNothingMisdirected() {
        String key = EventFixtures.createFunnelJourney("no-rules");
        EventFixtures.post(key, List.of(EventFixtures.event("p1", "TOUCHPOINT_DELIVERED", "touchpoint", "tp-a", 1, Map.of("role", "speaker"))))
                .statusCode(200);
        given().queryParam("from", EventFixtures.T0.toString()).queryParam("to", EventFixtures.T0.plusSeconds(30 * 86_400L).toString())
                .get("/api/v1/journeys/{j}/reports/misdirected", key).then().statusCode(200)
                .body("touchpoints.delivered", contains(1, 0, 0, 0)).body("touchpoints.misdirected", contains(0, 0, 0, 0))
                .body("touchpoints[0].owner", equalTo("Team"));
    }

    @Test
    void badRangesAndUnknownJourneysAreProblems() {
        given().queryParam("from", "yesterday").get("/api/v1/journeys/{j}/reports/misdirected", journey).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().get("/api/v1/journeys/{j}/reports/misdirected", uniqueKey("none")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theTimelineShowsOptOutsWithTheirChannel() {
        given().get("/api/v1/journeys/{j}/prospects/{p}", journey, "risk-cara").then().statusCode(200)
                .body("timeline.type", contains("TOUCHPOINT_DELIVERED", "OPTED_OUT", "TOUCHPOINT_DELIVERED", "TOUCHPOINT_DELIVERED"))
                .body("timeline[1].channel", equalTo("EMAIL"));
        given().get("/api/v1/journeys/{j}/prospects/{p}", journey, "cfo-dan").then().statusCode(200)
                .body("timeline[0].type", equalTo("OPTED_OUT")).body("timeline[0].channel", nullValue());
    }

    @Test
    void theConferenceDesignHasTheGapsItsStoryTells() {
        given().get("/api/v1/journeys/{j}/gaps", journey).then().statusCode(200)
                .body("gaps.id", contains("disguised-automation.talk-recommendation",
                        "untargeted-automation.programme-newsletter"))
                .body("gaps.severity", contains("MEDIUM", "LOW"))
                .body("summary.score", equalTo(100 - 4 - 1));
    }
}
