package com.outsidein.journeys.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.journey.JourneyDocument;

/** The design audit as a pure function of the document; plain JUnit, no Quarkus. */
class GapAuditorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String EVERY_KIND = """
                {"name":"Gaps","steps":[
                  {"key":"qualify","name":"Qualify lead",
                   "touchpoints":[{"key":"nurture","name":"Nurture mail","channel":"EMAIL","mode":"AUTOMATED","owner":"Marketing",
                                   "looksPersonal":true}],
                   "actions":[{"key":"asks","name":"Asks a question","expectsResponse":true,"responseSla":"P1D","requiresHuman":true,"respondedBy":["nurture"]},
                              {"key":"wants-pdf","name":"Wants the PDF","expectsResponse":true,"responseSla":"PT4H"}]},
                  {"key":"decides","name":"Decides to buy"}]}""";

    private static List<Gap> audit(String json) throws Exception {
        return GapAuditor.audit(JSON.readValue(json, JourneyDocument.class)).stream().map(GapAuditor.Finding::gap).toList();
    }

    /** The example's live chat is not staffed and its main number has no owner: two HIGH gaps, nothing else. */
    @Test
    void theUnstaffedChatExample() throws Exception {
        List<Gap> gaps = audit(Files.readString(Path.of("examples", "unstaffed-chat-switchboard.json")));
        assertEquals(List.of("unstaffed-response.live-chat", "unowned-response.main-number"), gaps.stream().map(Gap::id).toList());
        assertEquals(List.of(Severity.HIGH, Severity.HIGH), gaps.stream().map(Gap::severity).toList());
        assertEquals(List.of("looks-for-help", "looks-for-help"), gaps.stream().map(Gap::step).toList());
    }

    /**
     * "Qualify lead" is the seller's phrase; its only touchpoint is an automated mail dressed as a personal note,
     * excluding nobody, that is also the only answer to an action needing a human; another action expects an
     * answer from nobody (both with an SLA, so no MISSING_SLA); the next step has no touchpoint, and nothing says what moves a prospect to it.
     */
    @Test
    void everyKindOfGapOnPaper() throws Exception {
        List<Gap> gaps = audit(EVERY_KIND);
        Set<String> ids = gaps.stream().map(Gap::id).collect(Collectors.toSet());
        assertEquals(Set.of("inside-out-step.qualify", "disguised-automation.nurture", "untargeted-automation.nurture",
                "automated-only-response.asks", "unanswered-action.wants-pdf", "no-human-touchpoint.qualify",
                "empty-step.decides", "undefined-transition.qualify.decides"), ids);
        // Ordered by severity, then step order, then subject: HIGH first; the two LOW ones of step qualify last, by subject.
        assertEquals(Severity.HIGH, gaps.get(0).severity());
        assertEquals(gaps.stream().map(Gap::severity).sorted().toList(), gaps.stream().map(Gap::severity).toList());
        assertEquals(List.of("untargeted-automation.nurture", "inside-out-step.qualify"),
                gaps.subList(gaps.size() - 2, gaps.size()).stream().map(Gap::id).toList());
        assertEquals(gaps, audit(JSON.writeValueAsString(JSON.readValue(EVERY_KIND, JourneyDocument.class))),
                "the same document, written out and read back, the same gaps");
    }
}
