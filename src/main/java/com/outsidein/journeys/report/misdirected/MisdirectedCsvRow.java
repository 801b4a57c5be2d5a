package com.outsidein.journeys.report.misdirected;

import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One touchpoint of the misdirected report as a CSV row; per-rule counts are joined as {@code rule=count; ...}. */
@JsonPropertyOrder({ "touchpoint", "step", "channel", "owner", "delivered", "misdirected", "optedOut", "rules" })
public record MisdirectedCsvRow(String touchpoint, String step, String channel, String owner, long delivered,
        long misdirected, long optedOut, String rules) {

    static MisdirectedCsvRow of(MisdirectedReport.TouchpointMisdirection t) {
        return new MisdirectedCsvRow(t.touchpoint(), t.step(), t.channel(), t.owner(), t.delivered(), t.misdirected(),
                t.optedOut(), t.rules().stream().map(r -> r.rule() + "=" + r.misdirected()).collect(Collectors.joining("; ")));
    }
}
