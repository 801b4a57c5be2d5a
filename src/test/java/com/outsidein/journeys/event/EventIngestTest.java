package com.outsidein.journeys.event;

import static com.outsidein.journeys.EventFixtures.at;
import static com.outsidein.journeys.EventFixtures.createFunnelJourney;
import static com.outsidein.journeys.EventFixtures.entered;
import static com.outsidein.journeys.EventFixtures.event;
import static com.outsidein.journeys.EventFixtures.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EventIngestTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Test
    void eventsBuildTheProspectsTimelineAndAttributes() {
        String j = createFunnelJourney("timeline");
        post(j, List.of(
                entered("ann", "a", 0),
                event("ann", "ACTION_PERFORMED", "action", "act-a", 1, Map.of("role", "cro", "region", "emea")),
                event("ann", "TOUCHPOINT_DELIVERED", "touchpoint", "tp-a", 2, null),
                entered("ann", "c", 3))).statusCode(200).body("accepted", equalTo(4)).body("duplicates", equalTo(0));
        // Later in time: updates the role. Earlier in time (arriving late): only fills what is missing.
        post(j, List.of(
                event("ann", "ACTION_PERFORMED", "action", "act-c", 4, Map.of("role", "ceo")),
                event("ann", "ACTION_PERFORMED", "action", "act-a", 0.5, Map.of("role", "intern", "size", "200")),
                entered("ann", "b", 2.5))).statusCode(200).body("accepted", equalTo(3));

        given().get("/api/v1/journeys/{j}/prospects/ann", j).then().statusCode(200)
                .body("prospect", equalTo("ann"))
                .body("currentStep", equalTo("c"))
                .body("currentStepSince", equalTo(at(3)))
                .body("attributes", equalTo(Map.of("role", "ceo", "region", "emea", "size", "200")))
                .body("firstSeenAt", equalTo(at(0)))
                .body("lastEventAt", equalTo(at(4)))
                .body("timeline.type", contains("STEP_ENTERED", "ACTION_PERFORMED", "ACTION_PERFORMED",
                        "TOUCHPOINT_DELIVERED", "STEP_ENTERED", "STEP_ENTERED", "ACTION_PERFORMED"))
                .body("timeline.step", contains("a", null, null, null, "b", "c", null))
                .body("timeline[2].attributes.role", equalTo("cro"));
        given().get("/api/v1/journeys/{j}/prospects/nobody", j).then().statusCode(404).contentType(PROBLEM);
    }

    /** Events reach their journey through the prospect (V12 dropped the event's own key to journey). */
    @Test
    void deletingAJourneyDeletesItsEvents() throws Exception {
        String j = createFunnelJourney("deleted-with-events");
        post(j, List.of(entered("zoe", "a", 0), entered("zoe", "b", 1), entered("yan", "a", 2))).statusCode(200)
                .body("accepted", equalTo(3));
        long journeyId = scalar("select id from journey where key = '" + j + "'");
        assertEquals(3, scalar("select count(*) from event where journey_id = " + journeyId));
        given().delete("/api/v1/journeys/{j}", j).then().statusCode(204);
        assertEquals(0, scalar("select count(*) from event where journey_id = " + journeyId));
        assertEquals(0, scalar("select count(*) from prospect where journey_id = " + journeyId));
    }

    /**
     * A batch merges into stored prospects with one statement for those its events give attributes and one
     * for the rest: each keeps the right attributes and the email key generated from them, and entries
     * arriving after, and before, what is stored end up in time order.
     */
    @Test
    void aBatchMergesAttributesOnlyWhereItsEventsCarryThem() throws Exception {
        String j = createFunnelJourney("mixed-attributes");
        post(j, List.of(event("ann", "STEP_ENTERED", "step", "b", 1, Map.of("email", "Ann.Lee@Example.com")),
                event("bob", "STEP_ENTERED", "step", "a", 1, Map.of("email", "bob@example.com")))).statusCode(200);
        post(j, List.of(entered("ann", "c", 2), entered("ann", "a", 0),
                event("bob", "ACTION_PERFORMED", "action", "act-a", 2, Map.of("role", "cfo", "email", "Bob@Example.org"))))
                .statusCode(200).body("accepted", equalTo(3));
        given().get("/api/v1/journeys/{j}/prospects/ann", j).then().statusCode(200)
                .body("attributes", equalTo(Map.of("email", "Ann.Lee@Example.com")))
                .body("timeline.step", contains("a", "b", "c"))
                .body("currentStep", equalTo("c")).body("firstSeenAt", equalTo(at(0))).body("lastEventAt", equalTo(at(2)));
        given().get("/api/v1/journeys/{j}/prospects/bob", j).then().statusCode(200)
                .body("attributes", equalTo(Map.of("email", "Bob@Example.org", "role", "cfo")))
                .body("lastEventAt", equalTo(at(2)));
        long journeyId = scalar("select id from journey where key = '" + j + "'");
        assertEquals(1, scalar("select count(*) from prospect where journey_id = " + journeyId
                + " and external_id = 'ann' and email_key = 'annlee@examplecom' and entries = array(select unnest(entries) order by 1)"));
        assertEquals(1, scalar("select count(*) from prospect where journey_id = " + journeyId
                + " and external_id = 'bob' and email_key = 'bob@exampleorg'"));
    }

    private long scalar(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBatchWithBadItemsIsRefusedWholeListingEveryBadItem() {
        String j = createFunnelJourney("bad-batch");
        Map<String, Object> wrongKeyForType = new LinkedHashMap<>(entered("bob", "a", 0));
        wrongKeyForType.put("action", "act-a");
        Map<String, Object> badTime = new LinkedHashMap<>(entered("bob", "a", 0));
        badTime.put("occurredAt", "2026-01-05 10:00");
        Map<String, Object> noProspect = new LinkedHashMap<>(entered("bob", "a", 0));
        noProspect.remove("prospect");
        Map<String, Object> badType = new LinkedHashMap<>(entered("bob", "a", 0));
        badType.put("type", "EMAIL_OPENED");
        Map<String, Object> badId = new LinkedHashMap<>(entered("bob", "a", 0));
        badId.put("id", "42");
        post(j, List.of(entered("bob", "a", 0), entered("bob", "zz", 1), wrongKeyForType, badTime, noProspect, badType,
                event("bob", "ACTION_PERFORMED", "action", "tp-a", 1, null), badId))
                .statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("nothing was stored"))
                .body("errors.field", contains("[1].step", "[2].action", "[3].occurredAt", "[4].prospect", "[5].type",
                        "[6].action", "[7].id"))
                .body("errors[0].message", equalTo("unknown step 'zz'"));
        given().get("/api/v1/journeys/{j}/prospects/bob", j).then().statusCode(404);
    }

    /** occurredAt from 1970-01-01T00:00:00Z up to a day ahead; anything earlier is refused, the edge is exact. */
    @Test
    void eventsBefore1970AreRefusedAndTheEpochItselfIsExact() {
        String j = createFunnelJourney("epoch");
        List<Map<String, Object>> early = new ArrayList<>();
        for (String time : List.of("1969-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "-0001-06-01T00:00:00Z")) {
            Map<String, Object> e = new LinkedHashMap<>(entered("old", "a", 0));
            e.put("occurredAt", time);
            early.add(e);
        }
        post(j, early).statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("[0].occurredAt", "[1].occurredAt", "[2].occurredAt"))
                .body("errors[0].message", equalTo("must be 1970-01-01T00:00:00Z or later"));
        given().get("/api/v1/journeys/{j}/prospects/old", j).then().statusCode(404);

        Map<String, Object> atEpoch = new LinkedHashMap<>(entered("first", "a", 0));
        atEpoch.put("occurredAt", "1970-01-01T00:00:00Z");
        Map<String, Object> second = new LinkedHashMap<>(entered("first", "c", 0));
        second.put("occurredAt", "1970-01-01T00:00:01Z");
        Map<String, Object> alone = new LinkedHashMap<>(entered("second", "a", 0));
        alone.put("occurredAt", "1970-01-01T00:00:00Z");
        post(j, List.of(second, atEpoch, alone)).statusCode(200).body("accepted", equalTo(3));
        String conversion = "/api/v1/journeys/" + j + "/reports/conversion";
        given().queryParam("from", "1970-01-01").queryParam("to", "1970-01-02").get(conversion).then().statusCode(200)
                .body("funnels[0].steps[0].entered", equalTo(2)).body("funnels[0].steps[0].converted", equalTo(1))
                .body("funnels[0].steps[0].timeToConvert.p50", equalTo(1));
        given().queryParam("from", "1970-01-01").queryParam("to", "1970-01-02").queryParam("status", "converted")
                .get(conversion + "/steps/a/prospects").then().statusCode(200)
                .body("items.prospect", contains("first"))
                .body("items[0].enteredAt", equalTo("1970-01-01T00:00:00Z"));
        given().queryParam("from", "1970-01-01").queryParam("to", "1970-01-02").queryParam("status", "dropped")
                .get(conversion + "/steps/a/prospects").then().statusCode(200)
                .body("items.prospect", contains("second"));
    }

    @Test
    void theTimelineIsPagedAndTheCurrentStepSeesEveryEvent() {
        String j = createFunnelJourney("timeline");
        post(j, List.of(entered("tim", "a", 0), event("tim", "ACTION_PERFORMED", "action", "act-a", 0.5, null),
                entered("tim", "b", 1), event("tim", "TOUCHPOINT_DELIVERED", "touchpoint", "tp-b", 1.5, null),
                entered("tim", "c", 2), event("tim", "ACTION_PERFORMED", "action", "act-c", 2.5, null),
                entered("tim", "d", 3))).statusCode(200);
        List<String> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().queryParam("limit", 3).queryParam("cursor", cursor == null ? new Object[0] : new Object[] { cursor })
                    .get("/api/v1/journeys/{j}/prospects/tim", j).then().statusCode(200)
                    .body("currentStep", equalTo("d"))
                    .body("currentStepSince", equalTo(at(3)))
                    .extract();
            times.addAll(page.path("timeline.occurredAt"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(List.of(at(0), at(0.5), at(1), at(1.5), at(2), at(2.5), at(3)), times);
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/journeys/{j}/prospects/tim", j).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("limit", 0).get("/api/v1/journeys/{j}/prospects/tim", j).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    /** The test profile caps a prospect at 500 events; a batch that would pass it is refused whole. */
    @Test
    void aProspectCannotGrowPastTheEventCap() {
        String j = createFunnelJourney("cap");
        List<Map<String, Object>> first = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            first.add(event("full", "ACTION_PERFORMED", "action", "act-a", i / 1440d, null));
        }
        post(j, first).statusCode(200).body("accepted", equalTo(300));
        List<Map<String, Object>> second = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            second.add(event("full", "TOUCHPOINT_DELIVERED", "touchpoint", "tp-a", 1 + i / 1440d, null));
        }
        second.add(entered("other", "a", 0));
        post(j, second).statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("prospect full"))
                .body("errors[0].message", containsString("would have 550 events"));
        given().queryParam("limit", 5000).get("/api/v1/journeys/{j}/prospects/full", j).then().statusCode(200)
                .body("timeline", hasSize(300));
        given().get("/api/v1/journeys/{j}/prospects/other", j).then().statusCode(404);
        List<Map<String, Object>> tooMuchAtOnce = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMuchAtOnce.add(event("greedy", "ACTION_PERFORMED", "action", "act-a", i / 1440d, null));
        }
        post(j, tooMuchAtOnce).statusCode(422).body("errors.field", contains("prospect greedy"));
    }

    @Test
    void resentEventsAreDuplicatesAndAReusedIdWithOtherContentIsRefused() {
        String j = createFunnelJourney("idempotent");
        List<Map<String, Object>> batch = List.of(entered("cy", "a", 0), entered("cy", "c", 1));
        post(j, batch).statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(0));
        post(j, batch).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        List<Map<String, Object>> twice = new ArrayList<>(batch);
        Map<String, Object> fresh = entered("cy", "d", 2);
        twice.add(fresh);
        twice.add(fresh);
        post(j, twice).statusCode(200).body("accepted", equalTo(1)).body("duplicates", equalTo(3));

        Map<String, Object> changed = new LinkedHashMap<>(batch.get(1));
        changed.put("occurredAt", at(9));
        post(j, List.of(entered("cy", "b", 5), changed)).statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("[1].id"))
                .body("errors[0].message", containsString("different content"));
        given().get("/api/v1/journeys/{j}/prospects/cy", j).then()
                .body("timeline", hasSize(3)).body("timeline.step", contains("a", "c", "d"));
    }

    /**
     * Ids are idempotent within their prospect (DESIGN, as Mixpanel's $insert_id): the same id for another
     * prospect is another event, stored and counted for both; the same prospect and id again is a
     * duplicate in one batch, across batches and across concurrent clients.
     */
    @Test
    void anIdIsIdempotentWithinItsProspectOnly() throws Exception {
        String j = createFunnelJourney("per-prospect-ids");
        String shared = UUID.randomUUID().toString();
        Map<String, Object> ann = withId(entered("ann", "a", 0), shared);
        Map<String, Object> bo = withId(entered("bo", "a", 0), shared);
        post(j, List.of(ann, bo, ann)).statusCode(200).body("accepted", equalTo(2)).body("duplicates", equalTo(1));
        post(j, List.of(bo, ann)).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        Map<String, Object> cy = withId(entered("cy", "a", 1), shared);
        post(j, List.of(cy, withId(entered("cy", "c", 2), UUID.randomUUID().toString()))).statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(0));
        for (String prospect : List.of("ann", "bo", "cy")) {
            given().get("/api/v1/journeys/{j}/prospects/{p}", j, prospect).then().statusCode(200)
                    .body("timeline[0].id", equalTo(shared)).body("timeline[0].step", equalTo("a"));
        }
        // Every one of them counts: three prospects entered a, one reached c (b is optional).
        given().queryParam("from", at(-1)).queryParam("to", at(10))
                .get("/api/v1/journeys/{j}/reports/conversion", j).then().statusCode(200)
                .body("funnels[0].steps[0].entered", equalTo(3))
                .body("funnels[0].steps[0].converted", equalTo(1));

        // The same prospect and id with other content: 422 naming the item, and nothing of the batch is stored.
        Map<String, Object> changed = withId(entered("bo", "c", 3), shared);
        post(j, List.of(entered("dee", "a", 0), changed)).statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("[1].id"))
                .body("errors[0].message", containsString("different content for this prospect"));
        given().get("/api/v1/journeys/{j}/prospects/dee", j).then().statusCode(404);
        given().get("/api/v1/journeys/{j}/prospects/bo", j).then().body("timeline", hasSize(1));

        // Four clients send the same 60 events at once: each stored once, the rest duplicates.
        List<Map<String, Object>> same = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            String id = UUID.randomUUID().toString();
            for (String prospect : List.of("x" + p, "y" + p, "z" + p)) {
                same.add(withId(entered(prospect, "a", 1), id));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> answers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                answers.add(pool.submit(() -> {
                    io.restassured.response.ExtractableResponse<?> r = post(j, same).statusCode(200).extract();
                    return new int[] { r.path("accepted"), r.path("duplicates") };
                }));
            }
            int accepted = 0;
            int duplicates = 0;
            for (Future<int[]> answer : answers) {
                accepted += answer.get()[0];
                duplicates += answer.get()[1];
            }
            assertEquals(60, accepted);
            assertEquals(180, duplicates);
        } finally {
            pool.shutdownNow();
        }
        long journeyId = scalar("select id from journey where key = '" + j + "'");
        assertEquals(1 + 1 + 2 + 60, scalar("select count(*) from event where journey_id = " + journeyId));
    }

    private static Map<String, Object> withId(Map<String, Object> event, String id) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put("id", id);
        return copy;
    }

    /**
     * PostgreSQL keeps microseconds: a time sent with nanoseconds is stored truncated to them, and the same
     * event re-sent is a duplicate, not an id reused with other content. The stored time reads back exactly.
     */
    @Test
    void timesFinerThanMicrosecondsAreStoredTruncatedAndResentAsDuplicates() throws Exception {
        String j = createFunnelJourney("nanoseconds");
        Map<String, Object> precise = new LinkedHashMap<>(entered("nan", "a", 0));
        precise.put("occurredAt", "2026-03-02T09:15:00.123456789+01:00");
        post(j, List.of(precise)).statusCode(200).body("accepted", equalTo(1));
        post(j, List.of(precise)).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        try (Connection connection = dataSource.getConnection(); ResultSet rs = connection.createStatement().executeQuery(
                "select to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), "
                        + "to_char(p.first_seen_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') from event e "
                        + "join prospect p on p.id = e.prospect_id where p.external_id = 'nan' and e.id = '" + precise.get("id") + "'")) {
            rs.next();
            assertEquals("2026-03-02 08:15:00.123456", rs.getString(1));
            assertEquals("2026-03-02 08:15:00.123456", rs.getString(2));
        }
    }

    /**
     * A batch chosen as a deadlock victim stores nothing and is run again by the service: the client gets
     * its answer, not a 503. Another session holds the higher prospect and, once the batch's merge waits
     * for it, asks for the lower one the merge already holds; PostgreSQL then aborts the merge (this
     * session waits longer before it looks for deadlocks).
     */
    @Test
    void aDeadlockVictimIsRunAgainAndStoresItsEventsOnce() throws Exception {
        String j = createFunnelJourney("deadlock-victim");
        post(j, List.of(entered("dl-1", "a", 0), entered("dl-2", "a", 0))).statusCode(200);
        long journeyId = scalar("select id from journey where key = '" + j + "'");
        long low = scalar("select min(id) from prospect where journey_id = " + journeyId);
        long high = scalar("select max(id) from prospect where journey_id = " + journeyId);
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().execute("set local deadlock_timeout = '20s'");
            other.createStatement().execute("update prospect set last_event_at = last_event_at where id = " + high);
            Future<io.restassured.response.Response> answer = client.submit(() -> given().contentType(ContentType.JSON)
                    .body(List.of(event("dl-1", "ACTION_PERFORMED", "action", "act-a", 1, null),
                            event("dl-2", "ACTION_PERFORMED", "action", "act-a", 1, null)))
                    .post("/api/v1/journeys/{j}/events", j));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (scalar("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'with u as%'") == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the batch's merge never waited for the locked prospect");
                }
                Thread.sleep(10);
            }
            other.createStatement().execute("update prospect set last_event_at = last_event_at where id = " + low);
            other.commit();
            io.restassured.response.Response response = answer.get();
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals(2, response.jsonPath().getInt("accepted"));
            assertEquals(0, response.jsonPath().getInt("duplicates"));
        } finally {
            client.shutdownNow();
        }
        assertEquals(4, scalar("select count(*) from event e join prospect p on p.id = e.prospect_id where p.journey_id = " + journeyId));
        assertEquals(2, scalar("select count(*) from prospect where journey_id = " + journeyId + " and cardinality(actions) = 1"));
    }

    @Test
    void concurrentBatchesLoseNothingAndCountNothingTwice() throws Exception {
        String j = createFunnelJourney("concurrent");
        List<Map<String, Object>> all = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            for (String step : List.of("a", "b", "c")) {
                all.add(entered("p" + p, step, p + (step.charAt(0) - 'a')));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<int[]>> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<Map<String, Object>> mine = new ArrayList<>(all);
            java.util.Collections.shuffle(mine, new java.util.Random(t));
            senders.add(() -> {
                int[] counts = new int[2];
                for (int i = 0; i < mine.size(); i += 30) {
                    List<Map<String, Object>> part = mine.subList(i, Math.min(mine.size(), i + 30));
                    for (int attempt = 0; ; attempt++) {
                        var response = given().contentType(ContentType.JSON).body(part)
                                .post("/api/v1/journeys/{j}/events", j);
                        if (response.statusCode() == 503 && attempt < 5) {
                            continue; // a deadlock victim stores nothing; the client retries
                        }
                        assertEquals(200, response.statusCode(), response.asString());
                        counts[0] += response.jsonPath().getInt("accepted");
                        counts[1] += response.jsonPath().getInt("duplicates");
                        break;
                    }
                }
                return counts;
            });
        }
        int accepted = 0;
        int duplicates = 0;
        for (Future<int[]> f : pool.invokeAll(senders)) {
            accepted += f.get()[0];
            duplicates += f.get()[1];
        }
        pool.shutdown();
        assertEquals(all.size(), accepted, "each event is accepted exactly once");
        assertEquals(3 * all.size(), duplicates);
        given().get("/api/v1/journeys/{j}/prospects/p7", j).then().body("timeline", hasSize(3));
        given().queryParam("from", at(0)).queryParam("to", at(50)).get("/api/v1/journeys/{j}/reports/conversion", j)
                .then().body("funnels[0].steps.entered", contains(40, 40, 40, 0));
    }

    @Test
    void malformedBodiesAndLimits() {
        String j = createFunnelJourney("limits");
        given().contentType(ContentType.JSON).body("{\"id\":1}").post("/api/v1/journeys/{j}/events", j).then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("expected an array"));
        given().contentType(ContentType.JSON).body("[{\"id\":\"x\",\"colour\":\"red\"}]").post("/api/v1/journeys/{j}/events", j)
                .then().statusCode(400).body("errors[0].field", equalTo("[0].colour"));
        given().contentType(ContentType.TEXT).body("a,b").post("/api/v1/journeys/{j}/events", j).then().statusCode(415);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add(Map.of("id", UUID.randomUUID().toString()));
        }
        post(j, tooMany).statusCode(422).body("errors[0].message", containsString("at most 10000"));
        post(j, List.of()).statusCode(200).body("accepted", equalTo(0));
        Map<String, Object> future = entered("f", "a", 0);
        future.put("occurredAt", "2999-01-01T00:00:00Z");
        post(j, List.of(future)).statusCode(422).body("errors[0].field", equalTo("[0].occurredAt"));
        post("nope-" + j, List.of(entered("x", "a", 0))).statusCode(404).contentType(PROBLEM);
    }
}
