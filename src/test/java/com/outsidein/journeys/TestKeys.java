package com.outsidein.journeys;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;

/**
 * Every REST Assured request of the suite sends the test profile's bootstrap key unless it sends a key
 * of its own, or asks for none with {@link #anonymous()}.
 */
public final class TestKeys {

    /** {@code %test.journeys.bootstrap-key}: the default team, every scope. */
    public static final String BOOTSTRAP = "test-only-bootstrap-key-not-secret";
    private static final String NO_KEY = "X-Test-No-Key";

    private TestKeys() {
    }

    /** A request with no Authorization header at all. */
    public static RequestSpecification anonymous() {
        return given().header(NO_KEY, "true");
    }

    /** A request with this key. */
    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** Makes a key of the default team with these scopes and answers its secret. */
    public static String create(String name, String... scopes) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "scopes", List.of(scopes)))
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");
    }

    /** Makes a team and answers its first admin key's secret. */
    public static String newTeam(String key) {
        return given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "Team " + key))
                .post("/api/v1/teams").then().statusCode(201).extract().path("adminKey.secret");
    }

    /** Adds the bootstrap key to requests that carry none; strips the no-key marker. */
    public static final class DefaultKeyFilter implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            if (request.getHeaders().hasHeaderWithName(NO_KEY)) {
                request.removeHeader(NO_KEY);
            } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + BOOTSTRAP);
            }
            return context.next(request, response);
        }
    }
}
