package com.outsidein.journeys.security;

import static com.outsidein.journeys.TestKeys.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Teams own their journeys: the same journey key in two teams is two journeys. */
@QuarkusTest
class TeamsTest {

    @Test
    void aNewTeamGetsAnAdminKeyWithEveryScopeButTeamsAdmin() {
        String team = Fixtures.uniqueKey("team");
        String secret = given().contentType(ContentType.JSON).body(Map.of("key", team, "name", "Risk sales"))
                .post("/api/v1/teams").then().statusCode(201)
                .header("Location", endsWith("/api/v1/teams/" + team))
                .body("key", equalTo(team)).body("name", equalTo("Risk sales"))
                .body("adminKey.scopes", equalTo(List.of("journeys:read", "journeys:write", "events:write", "reports:read",
                        "keys:admin", "webhooks:admin")))
                .body("adminKey.createdBy", equalTo("bootstrap"))
                .extract().path("adminKey.secret");
        as(secret).get("/api/v1/teams/current").then().statusCode(200).body("key", equalTo(team))
                .body("name", equalTo("Risk sales"));
        given().get("/api/v1/teams/{t}", team).then().statusCode(200).body("key", equalTo(team));

        as(secret).contentType(ContentType.JSON).body(Map.of("key", Fixtures.uniqueKey("t"), "name", "Mine"))
                .post("/api/v1/teams").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("'teams:admin'"));
        as(secret).get("/api/v1/teams/{t}", team).then().statusCode(403);
    }

    @Test
    void teamKeysAreUniqueAndCurrentIsReserved() {
        String team = Fixtures.uniqueKey("dup-team");
        given().contentType(ContentType.JSON).body(Map.of("key", team, "name", "One")).post("/api/v1/teams").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("key", team, "name", "Two")).post("/api/v1/teams").then()
                .statusCode(409).body("errors[0].field", equalTo("key"));
        given().contentType(ContentType.JSON).body(Map.of("key", "current", "name", "Current")).post("/api/v1/teams").then()
                .statusCode(422).body("errors[0].field", equalTo("key"));
        given().contentType(ContentType.JSON).body(Map.of("key", "Not A Slug", "name", "X")).post("/api/v1/teams").then()
                .statusCode(422).body("errors[0].field", equalTo("key"));
        given().get("/api/v1/teams/{t}", Fixtures.uniqueKey("nobody")).then().statusCode(404);
    }

    @Test
    void twoTeamsEachHaveTheirOwnJourneyUnderTheSameKey() {
        String journey = Fixtures.uniqueKey("shared-name");
        String other = TestKeysSupport.otherTeam();
        Fixtures.putJourney(journey, Fixtures.riskSoftware(journey)).statusCode(201);
        as(other).get("/api/v1/journeys/{j}", journey).then().statusCode(404);

        var theirs = Fixtures.riskSoftware(journey);
        theirs.put("name", "Theirs, not ours");
        as(other).contentType(ContentType.JSON).body(theirs).put("/api/v1/journeys/{j}", journey).then().statusCode(201);

        given().get("/api/v1/journeys/{j}", journey).then().statusCode(200).body("name", not(equalTo("Theirs, not ours")));
        as(other).get("/api/v1/journeys/{j}", journey).then().statusCode(200).body("name", equalTo("Theirs, not ours"));
        as(other).get("/api/v1/journeys?limit=500").then().body("items.key", hasItem(journey));
        as(other).delete("/api/v1/journeys/{j}", journey).then().statusCode(204);
        given().get("/api/v1/journeys/{j}", journey).then().statusCode(200);
    }

    /** A second team shared by the tests of this class. */
    static final class TestKeysSupport {
        private static String key;

        static synchronized String otherTeam() {
            if (key == null) {
                key = com.outsidein.journeys.TestKeys.newTeam(Fixtures.uniqueKey("other"));
            }
            return key;
        }
    }
}
