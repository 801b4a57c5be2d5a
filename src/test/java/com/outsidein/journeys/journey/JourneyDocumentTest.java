package com.outsidein.journeys.journey;

import static com.outsidein.journeys.Fixtures.JSON;
import static com.outsidein.journeys.Fixtures.asMap;
import static com.outsidein.journeys.Fixtures.putJourney;
import static com.outsidein.journeys.Fixtures.riskSoftware;
import static com.outsidein.journeys.Fixtures.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class JourneyDocumentTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void putThenGetReturnsExactlyTheDocumentPlusItsVersion() throws Exception {
        String key = uniqueKey("round-trip");
        ObjectNode doc = riskSoftware(key);

        String etag = putJourney(key, doc).statusCode(201)
                .header("Location", endsWith("/api/v1/journeys/" + key))
                .header("ETag", notNullValue())
                .extract().header("ETag");

        String body = given().get("/api/v1/journeys/{key}", key).then().statusCode(200)
                .header("ETag", etag).extract().asString();
        ObjectNode fetched = (ObjectNode) JSON.readTree(body);
        assertEquals("\"" + fetched.get("version").asLong() + "\"", etag);
        fetched.remove("version");
        assertEquals(withDefaults(doc), fetched, "GET must return the document as it was PUT");
    }

    @Test
    void aFetchedDocumentCanBePutBackUnchangedAndKeepsItsVersion() {
        String key = uniqueKey("as-code");
        putJourney(key, riskSoftware(key)).statusCode(201);
        Map<String, Object> fetched = given().get("/api/v1/journeys/{key}", key).then().extract().as(Map.class);

        Map<String, Object> again = putJourney(key, fetched).statusCode(200).extract().as(Map.class);

        assertEquals(fetched, again, "an unchanged document is not a new version");
        putJourney(key, fetched).statusCode(200).body("version", equalTo(fetched.get("version")));
    }

    @Test
    void replacingTheDocumentBumpsTheVersionAndStoresTheNewContent() {
        String key = uniqueKey("replace");
        long first = putJourney(key, riskSoftware(key)).statusCode(201).extract().jsonPath().getLong("version");
        ObjectNode changed = riskSoftware(key);
        changed.put("name", "Renamed");
        ((ArrayNode) changed.get("steps")).remove(3);
        ((ArrayNode) changed.get("transitions")).remove(2);

        long second = putJourney(key, changed).statusCode(200).body("name", equalTo("Renamed"))
                .extract().jsonPath().getLong("version");

        assertNotEquals(first, second);
        given().get("/api/v1/journeys/{key}", key).then().statusCode(200)
                .body("steps.key", contains("notices-risk", "researches-risk", "compares-vendors"))
                .body("transitions", hasSize(2))
                .header("ETag", "\"" + second + "\"");
    }

    @Test
    void staleIfMatchIsRefusedAndNothingChanges() {
        String key = uniqueKey("stale");
        String etag = putJourney(key, riskSoftware(key)).statusCode(201).extract().header("ETag");
        ObjectNode changed = riskSoftware(key);
        changed.put("name", "First writer");
        String newer = given().contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .put("/api/v1/journeys/{key}", key).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, newer);

        changed.put("name", "Second writer with an old ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .put("/api/v1/journeys/{key}", key).then().statusCode(412).contentType(PROBLEM)
                .body("status", equalTo(412)).body("detail", containsString("stale"));
        given().header("If-Match", etag).delete("/api/v1/journeys/{key}", key).then().statusCode(412);
        given().get("/api/v1/journeys/{key}", key).then().body("name", equalTo("First writer"));
    }

    @Test
    void aStaleVersionInTheBodyIsReadLikeIfMatch() {
        String key = uniqueKey("body-version");
        long version = putJourney(key, riskSoftware(key)).statusCode(201).extract().jsonPath().getLong("version");
        ObjectNode update = riskSoftware(key);
        update.put("version", version);
        update.put("name", "Edited from a fresh copy");
        putJourney(key, update).statusCode(200);

        update.put("name", "Edited from the same, now stale, copy");
        putJourney(key, update).statusCode(412).contentType(PROBLEM).body("title", equalTo("Precondition failed"));
        given().get("/api/v1/journeys/{key}", key).then().body("name", equalTo("Edited from a fresh copy"));
    }

    @Test
    void ifNoneMatchAnswersNotModifiedForTheCurrentVersion() {
        String key = uniqueKey("not-modified");
        String etag = putJourney(key, riskSoftware(key)).statusCode(201).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/journeys/{key}", key).then().statusCode(304);
        given().header("If-None-Match", "\"0\"").get("/api/v1/journeys/{key}", key).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-None-Match", "*").body(riskSoftware(key))
                .put("/api/v1/journeys/{key}", key).then().statusCode(412);
    }

    @Test
    void deleteRemovesTheJourney() {
        String key = uniqueKey("delete");
        putJourney(key, riskSoftware(key)).statusCode(201);
        given().delete("/api/v1/journeys/{key}", key).then().statusCode(204);
        given().get("/api/v1/journeys/{key}", key).then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString(key));
        given().delete("/api/v1/journeys/{key}", key).then().statusCode(404);
    }

    @Test
    void listingPagesThroughJourneysInKeyOrder() {
        String prefix = uniqueKey("list");
        for (String suffix : new String[] { "c", "a", "b" }) {
            putJourney(prefix + suffix, riskSoftware(prefix + suffix)).statusCode(201);
        }
        var first = given().queryParam("limit", 500).get("/api/v1/journeys").then().statusCode(200)
                .body("items.key", hasItem(prefix + "a")).extract().jsonPath();
        java.util.List<String> keys = first.getList("items.key");
        assertEquals(keys.stream().sorted().toList(), keys, "key order");

        given().queryParam("limit", 1).queryParam("cursor", prefix + "a").get("/api/v1/journeys").then()
                .statusCode(200)
                .body("items.key", contains(prefix + "b"))
                .body("items[0].steps", equalTo(4))
                .body("items[0].name", equalTo("Buying risk-management software"))
                .body("nextCursor", equalTo(prefix + "b"));
        given().queryParam("limit", 501).get("/api/v1/journeys").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 0).get("/api/v1/journeys").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        String key = uniqueKey("patch");
        putJourney(key, riskSoftware(key)).statusCode(201);
        given().contentType("application/merge-patch+json").body("{\"segment\":\"CFOs\",\"description\":null}")
                .patch("/api/v1/journeys/{key}", key).then().statusCode(200)
                .body("segment", equalTo("CFOs"))
                .body("description", nullValue())
                .body("steps", hasSize(4));
        given().contentType("application/merge-patch+json").body("{\"key\":\"other\"}")
                .patch("/api/v1/journeys/{key}", key).then().statusCode(422).contentType(PROBLEM);
        given().contentType("application/merge-patch+json").body("{\"colour\":\"red\"}")
                .patch("/api/v1/journeys/{key}", key).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("colour"));
    }

    // ---- errors ----------------------------------------------------------------------------------

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"name\": ").put("/api/v1/journeys/{key}", uniqueKey("bad"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:purchase-journeys:problem:malformed-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void unknownFieldsAre400AndNamed() {
        String key = uniqueKey("unknown");
        ObjectNode doc = riskSoftware(key);
        Fixtures.element(doc, "researches-risk").put("id", 42);
        putJourney(key, doc).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(Fixtures.pathOf(doc, "researches-risk") + ".id"))
                .body("errors[0].message", containsString("unknown field"));
        given().get("/api/v1/journeys/{key}", key).then().statusCode(404);
    }

    @Test
    void wrongTypesAndUnknownEnumValuesAre400() {
        String key = uniqueKey("types");
        ObjectNode doc = riskSoftware(key);
        Fixtures.element(doc, "risk-newsletter").put("channel", "FAX");
        putJourney(key, doc).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(Fixtures.pathOf(doc, "risk-newsletter") + ".channel"))
                .body("errors[0].message", containsString("NEWSLETTER"));
        ObjectNode doc2 = riskSoftware(key);
        Fixtures.element(doc2, "notices-risk").put("optional", "yes");
        putJourney(key, doc2).statusCode(400).body("errors[0].field", equalTo(Fixtures.pathOf(doc2, "notices-risk") + ".optional"));
        putJourney(key, "[1,2]").statusCode(400).contentType(PROBLEM).body("detail", containsString("expected an object"));
    }

    @Test
    void wrongMediaTypeIs415() {
        given().contentType(ContentType.TEXT).body("name: x").put("/api/v1/journeys/{key}", uniqueKey("media"))
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void aBodyOverTheLimitIs413WithAProblem() {
        byte[] huge = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        given().contentType(ContentType.JSON).body(huge).put("/api/v1/journeys/{key}", uniqueKey("huge"))
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void missingBodyIs400() {
        given().contentType(ContentType.JSON).put("/api/v1/journeys/{key}", uniqueKey("empty"))
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("A JSON body (journey) is required"));
    }

    @Test
    void unknownJourneyIs404OnEveryRoute() {
        String key = uniqueKey("missing");
        given().get("/api/v1/journeys/{key}", key).then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/journeys/{key}/steps", key).then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/journeys/{key}/steps/x/touchpoints", key).then().statusCode(404);
        given().get("/api/v1/journeys/{key}/transitions", key).then().statusCode(404);
        given().contentType("application/merge-patch+json").body("{}").patch("/api/v1/journeys/{key}", key)
                .then().statusCode(404);
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void duplicateKeysAre409() {
        String key = uniqueKey("dup");
        ObjectNode doc = riskSoftware(key);
        String comparing = Fixtures.pathOf(doc, "compares-vendors");
        Fixtures.element(doc, "compares-vendors").put("key", "notices-risk");
        putJourney(key, doc).statusCode(409).contentType(PROBLEM)
                .body("errors.field", hasItem(comparing + ".key"));
        ObjectNode doc2 = riskSoftware(key);
        String meeting = Fixtures.pathOf(doc2, "proposal-meeting");
        Fixtures.element(doc2, "proposal-meeting").put("key", "sales-callback");
        putJourney(key, doc2).statusCode(409).body("errors[0].field", equalTo(meeting + ".key"))
                .body("errors[0].message", containsString("unique in the journey"));
        given().get("/api/v1/journeys/{key}", key).then().statusCode(404);
    }

    @Test
    void referencesToMissingElementsAre422NamingTheField() {
        String key = uniqueKey("refs");
        ObjectNode doc = riskSoftware(key);
        ArrayNode responders = (ArrayNode) Fixtures.element(doc, "requests-white-paper").get("respondedBy");
        responders.add("fax-back");
        String respondedBy = Fixtures.pathOf(doc, "requests-white-paper") + ".respondedBy[" + (responders.size() - 1) + "]";
        String firstMove = Fixtures.pathOf(doc, "notices-risk->researches-risk");
        String actionCondition = Fixtures.pathOf(doc, "researches-risk->compares-vendors:ACTION_PERFORMED");
        String touchCondition = Fixtures.pathOf(doc, "researches-risk->compares-vendors:TOUCHPOINT_RECEIVED");
        Fixtures.element(doc, "researches-risk->compares-vendors:ACTION_PERFORMED").put("action", "waves");
        Fixtures.element(doc, "researches-risk->compares-vendors:TOUCHPOINT_RECEIVED").put("touchpoint", "carrier-pigeon");
        Fixtures.element(doc, "notices-risk->researches-risk").put("to", "buys-lunch");
        putJourney(key, doc).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:purchase-journeys:problem:validation"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(respondedBy, firstMove + ".to",
                        actionCondition + ".action", touchCondition + ".touchpoint"))
                .body("errors.message", hasItem("unknown touchpoint 'fax-back'"));
        given().get("/api/v1/journeys/{key}", key).then().statusCode(404);
    }

    @Test
    void semanticRulesAre422() {
        String key = uniqueKey("rules");
        ObjectNode selfLoop = riskSoftware(key);
        String loop = Fixtures.pathOf(selfLoop, "notices-risk->researches-risk");
        Fixtures.element(selfLoop, "notices-risk->researches-risk").put("to", "notices-risk");
        putJourney(key, selfLoop).statusCode(422).body("errors[0].field", equalTo(loop + ".to"))
                .body("errors[0].message", containsString("itself"));

        ObjectNode optionalFirst = riskSoftware(key);
        ((ObjectNode) optionalFirst.get("steps").get(0)).put("optional", true); // the first step, whichever it is
        putJourney(key, optionalFirst).statusCode(422).body("errors[0].field", equalTo("steps[0].optional"));

        ObjectNode badDurations = riskSoftware(key);
        Fixtures.element(badDurations, "notices-risk").put("staleAfter", "30 days");
        Fixtures.element(badDurations, "requests-white-paper").put("responseSla", "P1M");
        Fixtures.element(badDurations, "compares-vendors->decides:TIME_IN_STEP_AT_LEAST").put("duration", "-P1D");
        putJourney(key, badDurations).statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        Fixtures.pathOf(badDurations, "notices-risk") + ".staleAfter",
                        Fixtures.pathOf(badDurations, "requests-white-paper") + ".responseSla",
                        Fixtures.pathOf(badDurations, "compares-vendors->decides:TIME_IN_STEP_AT_LEAST") + ".duration"));

        ObjectNode wrongConditionFields = riskSoftware(key);
        Fixtures.element(wrongConditionFields, "notices-risk->researches-risk:ATTRIBUTE_EQUALS").put("action",
                "reads-newsletter");
        putJourney(key, wrongConditionFields).statusCode(422)
                .body("errors[0].field", equalTo(Fixtures.pathOf(wrongConditionFields,
                        "notices-risk->researches-risk:ATTRIBUTE_EQUALS") + ".action"))
                .body("errors[0].message", containsString("does not apply"));

        ObjectNode badSlug = riskSoftware(key);
        String noticing = Fixtures.pathOf(badSlug, "notices-risk");
        String researching = Fixtures.pathOf(badSlug, "researches-risk");
        Fixtures.element(badSlug, "researches-risk").put("name", " ");
        Fixtures.element(badSlug, "notices-risk").put("key", "Notices Risk");
        putJourney(key, badSlug).statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(noticing + ".key", researching + ".name"));

        ObjectNode otherKey = riskSoftware("somebody-else");
        putJourney(key, otherKey).statusCode(422).body("errors[0].field", equalTo("key"));
        given().get("/api/v1/journeys/{key}", key).then().statusCode(404);
    }

    @Test
    void anInvalidKeyInThePathIs400() {
        putJourney("Not_A_Slug", riskSoftware("Not_A_Slug")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("key")).body("detail", containsString("in the path"));
    }

    /** The document as GET shows it: omitted booleans and lists filled with their defaults. */
    private static ObjectNode withDefaults(ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.get("steps").forEach(step -> {
            ObjectNode s = (ObjectNode) step;
            s.putIfAbsent("optional", JSON.getNodeFactory().booleanNode(false));
            s.putIfAbsent("touchpoints", JSON.createArrayNode());
            s.putIfAbsent("actions", JSON.createArrayNode());
            s.get("touchpoints").forEach(t -> ((ObjectNode) t).putIfAbsent("staffed", JSON.getNodeFactory().booleanNode(true)));
            s.get("actions").forEach(a -> {
                ((ObjectNode) a).putIfAbsent("expectsResponse", JSON.getNodeFactory().booleanNode(false));
                ((ObjectNode) a).putIfAbsent("requiresHuman", JSON.getNodeFactory().booleanNode(false));
                ((ObjectNode) a).putIfAbsent("respondedBy", JSON.createArrayNode());
            });
        });
        return copy;
    }

    private static java.util.Map<String, Object> manyActions(String prefix, int steps, int perStep) {
        java.util.List<Object> stepList = new java.util.ArrayList<>();
        for (int i = 0; i < steps; i++) {
            java.util.List<Object> actions = new java.util.ArrayList<>();
            for (int a = 0; a < perStep; a++) {
                actions.add(java.util.Map.of("key", prefix + i + "-" + a, "name", "Action " + a));
            }
            stepList.add(java.util.Map.of("key", "s" + i, "name", "Step " + i, "actions", actions));
        }
        return java.util.Map.of("name", "Many actions", "steps", stepList);
    }

    /** The lifetime limit of 4,096 action keys is checked before anything is written, on create and on replace. */
    @Test
    void theElementKeyLimitRefusesBeforeWritingAnything() {
        String key = uniqueKey("limits");
        putJourney(key, manyActions("a", 9, 500)).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("steps")).body("errors[0].message", containsString("4096"));
        given().get("/api/v1/journeys/{key}", key).then().statusCode(404);

        String etag = putJourney(key, manyActions("a", 8, 500)).statusCode(201).extract().header("ETag");
        putJourney(key, manyActions("b", 1, 200)).statusCode(422).body("errors[0].message", containsString("4096"));
        given().get("/api/v1/journeys/{key}", key).then().statusCode(200).header("ETag", equalTo(etag))
                .body("steps", hasSize(8)).body("steps[7].actions[499].key", equalTo("a7-499"));
    }
}
