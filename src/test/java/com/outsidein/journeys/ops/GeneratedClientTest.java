package com.outsidein.journeys.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.Fixtures;
import com.outsidein.journeys.TestKeys;
import com.outsidein.journeys.client.ApiClient;
import com.outsidein.journeys.client.ApiException;
import com.outsidein.journeys.client.api.EventsApi;
import com.outsidein.journeys.client.api.JourneysApi;
import com.outsidein.journeys.client.api.ReportsApi;
import com.outsidein.journeys.client.api.StepsApi;
import com.outsidein.journeys.client.model.ConversionReport;
import com.outsidein.journeys.client.model.Event;
import com.outsidein.journeys.client.model.Journey;
import com.outsidein.journeys.client.model.Step;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A designer's tooling, as the build generates it from the committed contract (openapi-generator, Java,
 * java.net.http): typed calls for the main job, and typed errors, against the running service.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URL root;

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TestKeys.BOOTSTRAP));
        return client;
    }

    private static Event entered(String prospect, String step, String at) {
        return new Event().id(UUID.randomUUID().toString()).prospect(prospect).type(Event.TypeEnum.STEP_ENTERED)
                .step(step).occurredAt(at);
    }

    @Test
    void aGeneratedClientDesignsIngestsAndReadsTheFunnel() throws Exception {
        ApiClient client = client();
        String key = Fixtures.uniqueKey("client");
        Journey created = new JourneysApi(client).putJourney(key, new Journey().name("Typed")
                .addStepsItem(new Step().key("looks").name("Looks around"))
                .addStepsItem(new Step().key("buys").name("Buys")));
        Journey replaced = new JourneysApi(client).putJourney(key, created.name("Typed again"));
        org.junit.jupiter.api.Assertions.assertTrue(replaced.getVersion() > created.getVersion());
        assertEquals("Typed again", new JourneysApi(client).getJourney(key).getName());
        assertEquals(List.of("looks", "buys"), new StepsApi(client).listSteps(key).stream().map(Step::getKey).toList());

        var ingested = new EventsApi(client).ingestEvents(key, List.of(entered("p1", "looks", "2026-03-02T09:00:00Z"),
                entered("p1", "buys", "2026-03-04T09:00:00Z"), entered("p2", "looks", "2026-03-03T09:00:00Z")));
        assertEquals(3, ingested.getAccepted().longValue());

        ConversionReport report = new ReportsApi(client).getConversionReport(key, null, "2026-03-01", null, null,
                "2026-04-01", "P30D");
        var looks = report.getFunnels().get(0).getSteps().get(0);
        assertEquals(2L, looks.getEntered());
        assertEquals(1L, looks.getConverted());
        assertEquals(0.5, looks.getConversionRate());
        assertEquals(172_800L, looks.getTimeToConvert().getP50());

        ApiException missing = assertThrows(ApiException.class, () -> new JourneysApi(client).getJourney("no-such-journey"));
        assertEquals(404, missing.getCode());
        org.junit.jupiter.api.Assertions.assertTrue(missing.getResponseBody().contains("urn:purchase-journeys:problem:"));
    }
}
