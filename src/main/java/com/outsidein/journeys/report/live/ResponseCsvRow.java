package com.outsidein.journeys.report.live;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One action of the response report as a CSV row; owners are joined with '; '. */
@JsonPropertyOrder({ "action", "step", "responseSla", "owners", "performed", "answeredInSla", "answeredLate", "unanswered",
        "responseP50", "responseP90" })
public record ResponseCsvRow(String action, String step, String responseSla, String owners, long performed,
        long answeredInSla, long answeredLate, long unanswered, Long responseP50, Long responseP90) {

    static ResponseCsvRow of(LiveReports.ActionResponses a) {
        return new ResponseCsvRow(a.action(), a.step(), a.responseSla(), String.join("; ", a.owners()), a.performed(),
                a.answeredInSla(), a.answeredLate(), a.unanswered(), a.responseP50(), a.responseP90());
    }
}
