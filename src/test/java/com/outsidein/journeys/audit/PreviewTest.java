package com.outsidein.journeys.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A pipeline previews a proposal: its gaps, which are new and which resolved; nothing is stored. */
@QuarkusTest
class PreviewTest {

    /** The example without its own key: the path names the journey. */
    private static ObjectNode example(String name) {
        ObjectNode doc = Fixtures.example(name);
        doc.remove("key");
        return doc;
    }

    private static String preview(String key) {
        return "/api/v1/journeys/" + key + "/preview";
    }

    @Test
    void aJourneyNotStoredYetHasOnlyNewGapsAndStaysUnstored() {
        String key = Fixtures.uniqueKey("preview-new");
        given().contentType(ContentType.JSON).body(example("white-paper-contact-me")).post(preview(key)).then()
                .statusCode(200)
                .body("journey", equalTo(key)).body("basedOnVersion", nullValue())
                .body("gaps.id", contains("unanswered-action.ticks-contact-me"))
                .body("newGaps", contains("unanswered-action.ticks-contact-me"))
                .body("resolvedGaps", empty())
                .body("summary.high", equalTo(1));
        given().get("/api/v1/journeys/{j}", key).then().statusCode(404);
    }

    @Test
    void aProposalShowsWhatItOpensAndClosesAndChangesNothing() {
        String key = Fixtures.uniqueKey("preview-stored");
        Fixtures.putJourney(key, example("white-paper-contact-me")).statusCode(201);
        String etag = given().get("/api/v1/journeys/{j}", key).then().extract().header("ETag");
        long version = Long.parseLong(etag.replace("\"", ""));

        // Answer the contact request with the consultant, and leave the pricing call without an owner.
        ObjectNode proposal = example("white-paper-contact-me");
        ((ArrayNode) Fixtures.element(proposal, "ticks-contact-me").putArray("respondedBy")).add("solution-consultant");
        Fixtures.element(proposal, "discovery-call").remove("owner");
        given().contentType(ContentType.JSON).body(proposal).post(preview(key)).then().statusCode(200)
                .body("basedOnVersion", equalTo((int) version))
                .body("gaps.id", contains("unowned-response.discovery-call"))
                .body("newGaps", contains("unowned-response.discovery-call"))
                .body("resolvedGaps", contains("unanswered-action.ticks-contact-me"));
        given().get("/api/v1/journeys/{j}", key).then().statusCode(200).header("ETag", equalTo(etag));
        given().get("/api/v1/journeys/{j}/history", key).then().body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void anInvalidProposalIsRefusedAsAPutWouldBe() {
        String key = Fixtures.uniqueKey("preview-bad");
        ObjectNode proposal = example("white-paper-contact-me");
        ((ArrayNode) Fixtures.element(proposal, "asks-for-pricing").get("respondedBy")).add("fax-back");
        given().contentType(ContentType.JSON).body(proposal).post(preview(key)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains(Fixtures.pathOf(proposal, "asks-for-pricing") + ".respondedBy[1]"));
        given().contentType(ContentType.JSON).post(preview(key)).then().statusCode(400)
                .body("detail", equalTo("A JSON body (journey) is required"));
        given().contentType(ContentType.JSON).body(List.of()).post(preview("Not_A_Slug")).then().statusCode(400);
    }
}
