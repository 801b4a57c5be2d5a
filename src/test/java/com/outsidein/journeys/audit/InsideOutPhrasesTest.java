package com.outsidein.journeys.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Step names as designers write them, each with the answer expected: the seller's names with the phrase
 * that gives them away, the buyer's names (many with a seller's word in them) with none.
 */
class InsideOutPhrasesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Qualify lead | qualify lead",
            "Close the deal | the deal",
            "Demo the product | demo product",
            "Push for signature | push signature",
            "Lead qualification | lead",
            "Nurture the prospect | the prospect",
            "Nurture stream | nurture stream",
            "Upsell premium tier | upsell",
            "Cross-sell services | cross-sell",
            "Convert to customer | convert customer",
            "MQL handoff to sales | mql",
            "Prospecting | prospecting",
            "Build pipeline | build pipeline",
            "Handle objections | handle objections",
            "Send proposal | send proposal",
            "Schedule a demo with the prospect | the prospect",
            "Sales qualifies the opportunity | sales qualifies",
            "We present the business case | we present",
            "Follow up with the lead | the lead",
            "Closing | closing",
            "Win the customer | win customer",
            "Pitch the platform | pitch platform",
            "Educate the buyer | educate buyer",
            "Reassure the customer | reassure the customer",
            "QUALIFIED | qualified" })
    void theSellersPhrasesAreFound(String name, String phrase) {
        assertEquals(Optional.of(phrase), InsideOutPhrases.find(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Closes the skills gap in the team", "Targets a go-live date", "Pitches the idea to the board",
            "Compares vendors", "Researches the risk", "Notices a risk exposure",
            "Qualifies vendors against the requirements", "Leads the evaluation team", "Builds the business case",
            "Pushes back on the price", "Asks for references", "Demonstrates ROI to the CFO", "Discloses the budget",
            "Shortlists two vendors", "Signs the contract", "Closing the skills gap", "Converts the spreadsheet into a requirements list",
            "Wins budget approval", "Targeting a go-live before the audit", "Presents the shortlist to the steering committee",
            "Reads the newsletter", "Requests a proposal", "Leadership approves the spend", "Prospective users test it",
            "Closely reads the contract", "Enclosed documents reviewed", "Pushkin fan club" })
    void theBuyersStepsAreNotFlaggedThoughTheyUseSellersWords(String name) {
        assertTrue(InsideOutPhrases.find(name).isEmpty(), name + " was flagged: " + InsideOutPhrases.find(name));
    }
}
