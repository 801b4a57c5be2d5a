package com.outsidein.journeys.report.misdirected;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.progress.ProgressEntries;

/**
 * Who a touchpoint reached that it excludes, on packed progress and without Quarkus: an invitation that must not
 * go to speakers nor to anyone who registered before it, on a channel some opted out of.
 */
class MisdirectionTallyTest {

    private static final String DOCUMENT = """
            {"name":"Summit","steps":[
              {"key":"hears","name":"Hears of the summit",
               "touchpoints":[{"key":"invite","name":"Invitation","channel":"EMAIL","mode":"AUTOMATED","owner":"Events",
                               "excludes":[{"type":"ATTRIBUTE_IN","attribute":"role","values":["speaker"]},
                                           {"type":"ACTION_PERFORMED","action":"registers"}]}],
               "actions":[{"key":"registers","name":"Registers"}]},
              {"key":"attends","name":"Attends"}]}""";

    private static long touch(long second) {
        return ProgressEntries.packElement(second, 0);
    }

    @Test
    void countsEachDeliveryOnceAndEachRuleItBroke() throws Exception {
        JourneyDocument doc = new ObjectMapper().readValue(DOCUMENT, JourneyDocument.class);
        AudienceRules rules = new AudienceRules(doc, Map.of("hears", 0, "attends", 1), Map.of("registers", 0), Map.of("invite", 0));
        MisdirectionTally tally = new MisdirectionTally(rules);
        long[] none = {};
        // A speaker invited at 100: ATTRIBUTE_IN.
        tally.add(1, new long[] { touch(100) }, none, none, none, new String[] { "speaker" }, 0, 1000);
        // Registered at 50: invited at 50 (the same second is not before: fine) and at 100 (ACTION_PERFORMED).
        tally.add(2, new long[] { touch(50), touch(100) }, none, new long[] { ProgressEntries.packElement(50, 0) }, none,
                new String[] { "cfo" }, 0, 1000);
        // Opted out of EMAIL (code 1) at 10, invited at 100: OPTED_OUT.
        tally.add(3, new long[] { touch(100) }, none, none, new long[] { ProgressEntries.packElement(10, 1) },
                new String[] { null }, 0, 1000);
        // Invited at 100 with nothing against it, and at 5000, past the range.
        tally.add(4, new long[] { touch(100), touch(5000) }, none, none, none, new String[] { "cfo" }, 0, 1000);

        assertEquals(5, tally.delivered[0]);
        assertEquals(3, tally.misdirected[0]);
        assertArrayEquals(new long[] { 1, 1 }, tally.perRule[0], "ATTRIBUTE_IN role, ACTION_PERFORMED registers");
        assertEquals(1, tally.optedOut[0]);
        List<MisdirectionTally.Found> examples = tally.examples[0].sorted();
        assertEquals(List.of(1L, 2L, 3L), examples.stream().map(MisdirectionTally.Found::prospectId).toList());
        assertEquals(List.of("OPTED_OUT"), examples.stream().filter(f -> f.prospectId() == 3).map(MisdirectionTally.Found::rule).toList());
    }
}
