package com.outsidein.journeys.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One design gap. {@code id} is derived from type and subject, so it is stable across edits. */
@Schema(name = "Gap")
public record Gap(
        @Schema(example = "unanswered-action.asks-to-be-contacted") String id,
        GapType type,
        Severity severity,
        @Schema(description = "Key of the step the gap belongs to", example = "researches-risk") String step,
        @Schema(description = "Key of the element at fault (from->to for transitions)", example = "asks-to-be-contacted") String subject,
        @Schema(example = "The buyer ticks 'please contact me' and no touchpoint answers it") String message,
        @Schema(example = "Add the touchpoint that answers it to respondedBy, with an owner and an SLA") String fix,
        @Schema(description = "Present on acknowledged gaps, and on gaps whose acknowledgement lapsed")
        Acknowledgement acknowledgement) {

    public Gap withAcknowledgement(Acknowledgement ack) {
        return new Gap(id, type, severity, step, subject, message, fix, ack);
    }
}
