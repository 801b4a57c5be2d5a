package com.outsidein.journeys.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InsideOutWordsTest {

    @ParameterizedTest
    @CsvSource({
            "Qualify lead, qualify",
            "Lead qualification, lead",
            "Nurture stream, nurture",
            "Closes the deal, closes",
            "Closing, closing",
            "Product demo, demo",
            "Pitch the platform, pitch",
            "Upsell premium, upsell",
            "Cross-sell services, cross-sell",
            "Convert to customer, convert",
            "MQL hand-off, mql",
            "Prospecting, prospecting",
            "Build pipeline, pipeline",
            "Top of funnel, funnel",
            "Handle objections, objections",
            "QUALIFIED, qualified" })
    void sellerWordsAreFound(String name, String word) {
        assertEquals(Optional.of(word), InsideOutWords.find(name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Discloses the budget", "Leadership approves the spend", "Demonstrates ROI to the board",
            "Compares vendors", "Recognises a risk exposure", "Enclosed documents reviewed", "Closely reads the contract",
            "Prospective users test it", "Targetless exploration", "Pushkin fan club", "Researches the risk" })
    void buyerSideNamesAreNotFlagged(String name) {
        assertTrue(InsideOutWords.find(name).isEmpty(), name);
    }
}
