package com.outsidein.journeys.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One gap as a CSV row: open and acknowledged gaps together, told apart by {@code status}. */
@JsonPropertyOrder({ "id", "status", "type", "severity", "step", "subject", "message", "fix", "acknowledgedReason" })
public record GapCsvRow(String id, String status, GapType type, Severity severity, String step, String subject,
        String message, String fix, String acknowledgedReason) {

    static GapCsvRow of(Gap gap, boolean acknowledged) {
        return new GapCsvRow(gap.id(), acknowledged ? "ACKNOWLEDGED" : "OPEN", gap.type(), gap.severity(), gap.step(),
                gap.subject(), gap.message(), gap.fix(), acknowledged ? gap.acknowledgement().reason() : null);
    }
}
