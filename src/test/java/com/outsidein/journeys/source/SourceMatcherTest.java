package com.outsidein.journeys.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.journey.JourneyDocument;

/** Which elements a call means, from the risk-software example's sourceEvents, without Quarkus. */
class SourceMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static JourneyDocument example(String key) throws Exception {
        JourneyDocument doc = JSON.readValue(Files.readString(Path.of("examples", "risk-software-journey.json")), JourneyDocument.class);
        return new JourneyDocument(key, doc.name(), doc.description(), doc.segment(), null, doc.steps(), doc.transitions());
    }

    private static JsonNode properties(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void aCallMeansEveryClaimWhosePropertiesAllEqual() throws Exception {
        SourceMatcher matcher = new SourceMatcher(List.of(example("one")));
        SourceMatcher.Hit download = new SourceMatcher.Hit("one", "ACTION_PERFORMED", "requests-white-paper");
        SourceMatcher.Hit contactMe = new SourceMatcher.Hit("one", "ACTION_PERFORMED", "asks-to-be-contacted");
        assertEquals(List.of(download), matcher.match("track", "Whitepaper Requested", properties("{}")));
        assertEquals(List.of(download, contactMe), matcher.match("track", "Whitepaper Requested", properties("{'contact_me': 'true'}")));
        // A boolean compares as its JSON text; other values and other types do not match.
        assertEquals(List.of(download, contactMe), matcher.match("track", "Whitepaper Requested", properties("{'contact_me': true}")));
        assertEquals(List.of(download), matcher.match("track", "Whitepaper Requested", properties("{'contact_me': 'yes'}")));
        assertEquals(List.of(download), matcher.match("track", "Whitepaper Requested", properties("{'contact_me': {'v': true}}")));
        // Names are exact, and the call's type matters: a page of that name is another call.
        assertEquals(List.of(), matcher.match("track", "whitepaper requested", properties("{}")));
        assertEquals(List.of(), matcher.match("page", "Whitepaper Requested", properties("{}")));
        assertEquals(List.of(new SourceMatcher.Hit("one", "STEP_ENTERED", "compares-vendors")),
                matcher.match("page", "Pricing", properties("{'path': '/pricing'}")));
        assertEquals(List.of(), matcher.match("identify", null, properties("{}")));
        assertEquals(List.of(), matcher.match("screen", "Pricing", properties("{}")));
    }

    @Test
    void oneCallFeedsEveryJourneyThatMapsIt() throws Exception {
        SourceMatcher matcher = new SourceMatcher(List.of(example("one"), example("two")));
        assertEquals(List.of(new SourceMatcher.Hit("one", "TOUCHPOINT_DELIVERED", "white-paper-mail"),
                new SourceMatcher.Hit("two", "TOUCHPOINT_DELIVERED", "white-paper-mail")),
                matcher.match("track", "Email Delivered", properties("{'campaign': 'risk-white-paper', 'opened': false}")));
    }

    @Test
    void eventIdsAreNameBasedOnTheMessageAndTheElement() {
        SourceMatcher.Hit download = new SourceMatcher.Hit("one", "ACTION_PERFORMED", "requests-white-paper");
        SourceMatcher.Hit contactMe = new SourceMatcher.Hit("one", "ACTION_PERFORMED", "asks-to-be-contacted");
        assertEquals(SourceService.eventId("m-1", download), SourceService.eventId("m-1", download));
        assertEquals(3, SourceService.eventId("m-1", download).version(), "a name-based (MD5) UUID");
        assertEquals(false, SourceService.eventId("m-1", download).equals(SourceService.eventId("m-1", contactMe)));
        assertEquals(false, SourceService.eventId("m-1", download).equals(SourceService.eventId("m-2", download)));
    }
}
