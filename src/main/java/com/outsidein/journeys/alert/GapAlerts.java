package com.outsidein.journeys.alert;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outsidein.journeys.audit.Gap;
import com.outsidein.journeys.audit.GapAuditor;
import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.journey.JourneyWritten;

/** {@code journey.gaps_opened}: a design write that opened gaps tells the subscriptions, in the write's transaction. */
@ApplicationScoped
class GapAlerts {

    /** Keeps a message well under Standard Webhooks' 20 KB: the rest is one GET of the gaps away. */
    private static final int MOST_LISTED = 50;

    @Inject
    SubscriptionStore store;
    @Inject
    ObjectMapper json;
    @Inject
    AppClock clock;

    void onWrite(@Observes JourneyWritten write) {
        String type = AlertType.JOURNEY_GAPS_OPENED.wire();
        List<SubscriptionStore.Row> subscribed = store.subscribed(write.caller().teamId(), type, write.journey());
        if (subscribed.isEmpty()) {
            return;
        }
        Set<String> before = write.before() == null ? Set.of()
                : GapAuditor.audit(write.before()).stream().map(f -> f.gap().id()).collect(Collectors.toSet());
        List<Gap> opened = GapAuditor.audit(write.after()).stream().map(GapAuditor.Finding::gap)
                .filter(gap -> !before.contains(gap.id())).toList();
        if (opened.isEmpty()) {
            return;
        }
        var now = clock.nowUtc();
        ObjectNode data = json.createObjectNode().put("journey", write.journey()).put("version", write.version())
                .put("opened", opened.size());
        ArrayNode gaps = data.putArray("gaps");
        opened.stream().limit(MOST_LISTED).forEach(gap -> gaps.addObject().put("id", gap.id()).put("type", gap.type().name())
                .put("severity", gap.severity().name()).put("step", gap.step()).put("subject", gap.subject())
                .put("message", gap.message()));
        data.putObject("by").put("keyId", write.caller().keyId()).put("keyName", write.caller().keyName());
        data.putObject("links").put("gaps", "/api/v1/journeys/" + write.journey() + "/gaps");
        String sentence = opened.size() + " new gap" + (opened.size() == 1 ? "" : "s") + " in journey '" + write.journey()
                + "' (version " + write.version() + ", written by " + write.caller().keyName() + "): "
                + opened.stream().limit(5).map(g -> g.severity() + " " + g.message()).collect(Collectors.joining("; "))
                + (opened.size() > 5 ? "; ..." : "");
        for (SubscriptionStore.Row subscription : subscribed) {
            store.enqueue(SubscriptionService.messageId(), subscription.view().id(), type,
                    "gaps:" + write.journey() + ":" + write.version(),
                    Messages.body(json, type, now, data, subscription.view().format(), sentence), now);
        }
    }
}
