package com.outsidein.journeys.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.report.live.LiveDesign;

/**
 * The bodies of {@code response.*} messages: the facts a receiving tool needs ({@code data}), or for chat a sentence
 * a salesperson acts on, such as "Overdue: Dana Reyes — “Ticks 'please have a salesperson contact me'” — 1 day 2 h
 * ago (SLA 1 day), not answered; owner: Inside sales".
 */
final class ResponseMessages {

    /** One waiting action of one prospect, as a message names it. */
    record Waiting(String journey, String prospect, String prospectName, LiveDesign.Action action, List<String> touchpoints,
            Instant performedAt, Instant dueAt) {
    }

    /** The answer that resolved an overdue action. */
    record Answer(Instant at, String by) {
    }

    private ResponseMessages() {
    }

    static String body(ObjectMapper json, AlertType type, Waiting waiting, Answer answer, Instant now, String format) {
        LiveDesign.Action action = waiting.action();
        ObjectNode data = json.createObjectNode().put("journey", waiting.journey()).put("step", action.step())
                .put("action", action.key()).put("actionName", action.name()).put("prospect", waiting.prospect())
                .put("prospectName", waiting.prospectName()).put("performedAt", utc(waiting.performedAt()))
                .put("responseSla", action.sla()).put("dueAt", utc(waiting.dueAt()));
        long pastDue = now.getEpochSecond() - waiting.dueAt().getEpochSecond();
        String state;
        switch (type) {
            case RESPONSE_DUE_SOON -> {
                data.put("dueInSeconds", -pastDue);
                state = "Due in " + IsoDurations.roughly(-pastDue);
            }
            case RESPONSE_OVERDUE -> {
                data.put("overdueSeconds", pastDue);
                state = "Overdue";
            }
            default -> {
                long late = answer.at().getEpochSecond() - waiting.dueAt().getEpochSecond();
                data.put("answeredAt", utc(answer.at())).put("answeredBy", answer.by()).put("lateBySeconds", Math.max(0, late));
                state = "Answered";
            }
        }
        data.putPOJO("owners", action.owners()).putPOJO("touchpoints", waiting.touchpoints());
        String journeyPath = "/api/v1/journeys/" + segment(waiting.journey());
        data.putObject("links").put("prospect", journeyPath + "/prospects/" + segment(waiting.prospect()))
                .put("open", journeyPath + "/reports/responses/open");
        return Messages.body(json, type.wire(), now.atOffset(ZoneOffset.UTC), data, format, sentence(state, waiting, answer, now));
    }

    static String sentence(String state, Waiting waiting, Answer answer, Instant now) {
        LiveDesign.Action action = waiting.action();
        String who = waiting.prospectName() == null ? waiting.prospect() : waiting.prospectName();
        long ago = now.getEpochSecond() - waiting.performedAt().getEpochSecond();
        StringBuilder text = new StringBuilder(state).append(": ").append(who).append(" — “").append(action.name()).append("” — ")
                .append(IsoDurations.roughly(ago)).append(" ago (SLA ").append(IsoDurations.readable(action.sla())).append("), ");
        if (answer == null) {
            text.append("not answered");
        } else {
            long late = answer.at().getEpochSecond() - waiting.dueAt().getEpochSecond();
            text.append("answered by ").append(answer.by()).append(late > 0 ? " " + IsoDurations.roughly(late) + " late" : " in time");
        }
        List<String> owners = action.owners();
        text.append(owners.isEmpty() ? "; nobody owns the answer" : (owners.size() == 1 ? "; owner: " : "; owners: ")
                + String.join(", ", owners));
        return text.append(" (journey ").append(waiting.journey()).append(")").toString();
    }

    private static String utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
