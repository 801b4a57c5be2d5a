package com.outsidein.journeys.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A prospect's state in a journey: where they are, what they told us, and everything that happened. */
@Schema(name = "Prospect")
public record ProspectView(
        @Schema(example = "crm-004211") String prospect,
        @Schema(description = "The step of the latest STEP_ENTERED event", example = "compares-vendors") String currentStep,
        OffsetDateTime currentStepSince,
        Map<String, String> attributes,
        OffsetDateTime firstSeenAt,
        OffsetDateTime lastEventAt,
        @Schema(description = "Events oldest first, one page of them") List<TimelineEvent> timeline,
        @Schema(description = "Cursor of the next timeline page; absent on the last") String nextCursor) {

    /** One event of the timeline. */
    @Schema(name = "TimelineEvent")
    public record TimelineEvent(String id, EventType type, String step, String action, String touchpoint,
            @Schema(description = "OPTED_OUT only: the channel; absent when the prospect opted out of every channel",
                    example = "EMAIL") String channel,
            OffsetDateTime occurredAt, Map<String, String> attributes) {
    }
}
