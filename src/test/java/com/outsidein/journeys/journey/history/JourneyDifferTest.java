package com.outsidein.journeys.journey.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.history.JourneyDiff.Change;

/** What changed between two versions, element by element and field by field; plain JUnit. */
class JourneyDifferTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JourneyDocument doc(String json) throws Exception {
        return JSON.readValue(json, JourneyDocument.class);
    }

    @Test
    void addedRemovedAndChangedElementsInDocumentOrder() throws Exception {
        JourneyDocument before = doc("""
                {"key":"j","name":"J","steps":[{"key":"a","name":"A","buyerGoal":"Learn",
                  "touchpoints":[{"key":"t1","name":"T1","channel":"EMAIL","mode":"HUMAN","owner":"Sales"}],
                  "actions":[{"key":"x","name":"X"}]},{"key":"b","name":"B"}]}""");
        JourneyDocument after = doc("""
                {"key":"j","name":"J2","steps":[{"key":"a","name":"A","buyerGoal":"Decide",
                  "touchpoints":[{"key":"t1","name":"T1","channel":"EMAIL","mode":"HUMAN","owner":"Sales"},
                                 {"key":"t2","name":"T2","channel":"PHONE","mode":"HUMAN","owner":"Sales"}]},{"key":"b","name":"B"}]}""");
        JourneyDiff diff = JourneyDiffer.diff(JSON, "j", 3, before, 4, after);
        assertEquals(3, diff.from());
        assertEquals(4, diff.to());
        assertEquals(List.of("journey j CHANGED", "step a CHANGED", "touchpoint t2 ADDED", "action x REMOVED"),
                diff.changes().stream().map(c -> c.element() + " " + c.key() + " " + c.change()).toList());
        JourneyDiff.ElementChange name = diff.changes().get(0);
        assertEquals("name", name.fields().get(0).field());
        JourneyDiff.ElementChange step = diff.changes().get(1);
        assertEquals(List.of("buyerGoal"), step.fields().stream().map(JourneyDiff.FieldChange::field).toList());
        assertEquals("\"Learn\"", String.valueOf(step.fields().get(0).before()), "the JSON value");
        assertEquals("\"Decide\"", String.valueOf(step.fields().get(0).after()));
    }

    @Test
    void theSameDocumentHasNoChanges() throws Exception {
        JourneyDocument same = doc("""
                {"name":"J","steps":[{"key":"a","name":"A"},{"key":"b","name":"B"}],
                 "transitions":[{"from":"a","to":"b","match":"ANY","conditions":[]}]}""");
        assertEquals(List.of(), JourneyDiffer.diff(JSON, "j", 1, same, 1, same).changes());
        assertEquals(Change.ADDED, JourneyDiffer.diff(JSON, "j", 1, doc("{\"name\":\"J\",\"steps\":[{\"key\":\"a\",\"name\":\"A\"},{\"key\":\"b\",\"name\":\"B\"}]}"), 2, same)
                .changes().get(0).change());
    }
}
