package com.outsidein.journeys.report.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.progress.ProgressEntries;

/**
 * DESIGN's answering rule on one prospect, without Quarkus: "asks" needs a human within a day and may be
 * answered by the (automated) mail or the (human) call; "reads" is answered by the mail within an hour.
 */
class ResponseMatcherTest {

    private static final String DOCUMENT = """
            {"name":"R","steps":[{"key":"s","name":"S",
              "touchpoints":[{"key":"mail","name":"Mail","channel":"EMAIL","mode":"AUTOMATED","owner":"Marketing"},
                             {"key":"call","name":"Call","channel":"PHONE","mode":"HUMAN","owner":"Sales"}],
              "actions":[{"key":"asks","name":"Asks","expectsResponse":true,"responseSla":"P1D","requiresHuman":true,
                          "respondedBy":["mail","call"]},
                         {"key":"reads","name":"Reads","expectsResponse":true,"responseSla":"PT1H","respondedBy":["mail"]}]}]}""";

    private static ResponseMatcher matcher() throws Exception {
        JourneyDocument doc = new ObjectMapper().readValue(DOCUMENT, JourneyDocument.class);
        return new ResponseMatcher(new LiveDesign(doc, Map.of("s", 0), Map.of("asks", 0, "reads", 1), Map.of("mail", 0, "call", 1)));
    }

    private static long at(long second, int ref) {
        return ProgressEntries.packElement(second, ref);
    }

    @Test
    void eachDeliveryAnswersTheEarliestWaitingActionItCan() throws Exception {
        // asks@100, asks@200, reads@300, reads@500; mail@150 (automated: cannot answer asks, and reads is not yet
        // performed), call@250 answers asks@100, mail@400 answers reads@300, mail@4101 answers reads@500 an hour
        // and a second late; asks@200 waits still.
        long[] actions = { at(100, 0), at(200, 0), at(300, 1), at(500, 1) };
        long[] touches = { at(150, 0), at(250, 1), at(400, 0), at(4101, 0) };
        ResponseMatcher m = matcher().match(actions, touches, 10_000);
        assertEquals(4, m.size());
        assertEquals(250, m.answeredAt(0));
        assertEquals("call", m.answeredBy(0));
        assertEquals(150, m.responseSeconds(0));
        assertFalse(m.late(0));
        assertFalse(m.answered(1));
        assertNull(m.answeredBy(1));
        assertEquals("mail", m.answeredBy(2));
        assertEquals(100, m.responseSeconds(2));
        assertFalse(m.late(2));
        assertEquals(3601, m.responseSeconds(3));
        assertTrue(m.late(3));
    }

    @Test
    void asOfHidesWhatHadNotHappenedYet() throws Exception {
        long[] actions = { at(100, 0), at(300, 1) };
        long[] touches = { at(250, 1), at(400, 0) };
        ResponseMatcher m = matcher().match(actions, touches, 260);
        assertEquals(1, m.size(), "reads@300 had not been performed by 260");
        assertEquals(250, m.answeredAt(0));
        m = matcher().match(actions, touches, 399);
        assertEquals(2, m.size());
        assertFalse(m.answered(1), "the mail@400 had not come by 399");
    }
}
