package com.outsidein.journeys.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.client.ApiClient;
import com.outsidein.journeys.client.ApiException;
import com.outsidein.journeys.client.api.DesignAuditApi;
import com.outsidein.journeys.client.api.EventsApi;
import com.outsidein.journeys.client.api.HistoryApi;
import com.outsidein.journeys.client.api.JourneysApi;
import com.outsidein.journeys.client.api.KeysApi;
import com.outsidein.journeys.client.api.ReportsApi;
import com.outsidein.journeys.client.api.StepsApi;
import com.outsidein.journeys.client.api.TouchpointsApi;
import com.outsidein.journeys.client.model.AcknowledgementRequest;
import com.outsidein.journeys.client.model.Channel;
import com.outsidein.journeys.client.model.ConversionReport;
import com.outsidein.journeys.client.model.CreatedKey;
import com.outsidein.journeys.client.model.Event;
import com.outsidein.journeys.client.model.GapReport;
import com.outsidein.journeys.client.model.Journey;
import com.outsidein.journeys.client.model.KeyRequest;
import com.outsidein.journeys.client.model.Mode;
import com.outsidein.journeys.client.model.StepConversion;
import com.outsidein.journeys.client.model.Touchpoint;
import com.outsidein.journeys.database.PackagedAppProcess;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The README walk-through, run by a Java client that the build generates from the committed contract
 * (openapi-generator, java.net.http), against the packaged jar: typed models all the way, typed errors.
 */
class GeneratedClientIT {

    @Test
    void theWalkThroughRunsThroughAGeneratedClient() throws Exception {
        Path data = Files.createTempDirectory("journeys-client-it");
        try (PackagedAppProcess app = PackagedAppProcess.start(Map.of("journeys.embedded.data-dir", data.toString(),
                "journeys.embedded.durable", "false"), Map.of())) {
            ApiClient client = new ApiClient();
            client.updateBaseUri(app.baseUrl());
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + PackagedAppProcess.BOOTSTRAP_KEY));
            var json = client.getObjectMapper();

            // Put a journey, read it back, change a step, add a touchpoint, list the journeys.
            JourneysApi journeys = new JourneysApi(client);
            Journey example = json.readValue(Path.of("examples", "risk-software-journey.json").toFile(), Journey.class);
            Journey created = journeys.putJourney("risk-software", example);
            assertEquals("risk-software", created.getKey());
            assertEquals(created.getVersion(), journeys.putJourney("risk-software", example).getVersion(),
                    "an unchanged document keeps its version");
            assertEquals("Get the board to approve the budget", new StepsApi(client)
                    .patchStep("risk-software", "decides", Map.of("buyerGoal", "Get the board to approve the budget"))
                    .getBuyerGoal());
            Touchpoint chat = new TouchpointsApi(client).createTouchpoint("risk-software", "compares-vendors", new Touchpoint()
                    .key("pricing-chat").name("Chat on the pricing page").channel(Channel.LIVE_CHAT).mode(Mode.HUMAN)
                    .owner("Inside sales"));
            assertEquals(Channel.LIVE_CHAT, chat.getChannel());
            assertEquals(List.of("risk-software"), journeys.listJourneys(null, null).getItems().stream()
                    .map(com.outsidein.journeys.client.model.JourneySummary::getKey).toList());

            // Audit a design and acknowledge a gap.
            journeys.putJourney("unstaffed-chat-switchboard",
                    json.readValue(Path.of("examples", "unstaffed-chat-switchboard.json").toFile(), Journey.class));
            DesignAuditApi audit = new DesignAuditApi(client);
            GapReport gaps = audit.getGaps("unstaffed-chat-switchboard");
            assertEquals(2, gaps.getSummary().getHigh());
            assertTrue(gaps.getGaps().stream().anyMatch(g -> "unowned-response.main-number".equals(g.getId())));
            audit.putGapAcknowledgement("unowned-response.main-number", "unstaffed-chat-switchboard",
                    new AcknowledgementRequest().reason("Switchboard routes sales calls until the phone tree ships"));
            assertEquals(1, audit.getGaps("unstaffed-chat-switchboard").getSummary().getAcknowledged());

            // Send events, read a prospect and the funnel.
            List<Event> events = json.readValue(Path.of("examples", "risk-software-events.json").toFile(),
                    new TypeReference<List<Event>>() { });
            assertEquals(18, new EventsApi(client).ingestEvents("risk-software", events).getAccepted());
            assertEquals(0, new EventsApi(client).ingestEvents("risk-software", events).getAccepted(), "re-sent: duplicates");
            assertTrue(new EventsApi(client).getProspect("risk-software", "crm-1001", null, null).getTimeline().size() > 0);
            ConversionReport report = new ReportsApi(client).getConversionReport("risk-software", null, "2026-03-01", null,
                    null, "2026-04-01", "P90D");
            StepConversion first = report.getFunnels().get(0).getSteps().get(0);
            assertEquals(4L, report.getFunnels().get(0).getPopulation());
            assertEquals("notices-risk", first.getStep());
            assertEquals(3L, first.getConverted());
            assertEquals(0.75, first.getConversionRate());

            // A key for a CRM connector, seen in the list, then revoked; the history names who wrote what.
            KeysApi keys = new KeysApi(client);
            CreatedKey connector = keys.createKey(new KeyRequest().name("CRM connector").scopes(List.of("events:write")));
            assertTrue(connector.getSecret().startsWith("pjk_"));
            assertTrue(keys.listKeys(null, null).getItems().stream().anyMatch(k -> k.getId().equals(connector.getId())));
            keys.revokeKey(connector.getId());
            assertTrue(new HistoryApi(client).listJourneyVersions("risk-software", null, null).getItems().size() >= 3);

            ApiException missing = assertThrows(ApiException.class, () -> journeys.getJourney("no-such-journey"));
            assertEquals(404, missing.getCode());
            assertTrue(missing.getResponseBody().contains("urn:purchase-journeys:problem:not-found"), missing.getResponseBody());
        } finally {
            PackagedAppProcess.deleteTree(data);
        }
    }
}
