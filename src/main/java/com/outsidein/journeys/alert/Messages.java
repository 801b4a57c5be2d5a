package com.outsidein.journeys.alert;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Message bodies: Standard Webhooks' {@code {type, timestamp, data}}, or {@code {text}} for chat incoming webhooks. */
final class Messages {

    private Messages() {
    }

    static String body(ObjectMapper json, String type, OffsetDateTime at, ObjectNode data, String format, String sentence) {
        ObjectNode body = json.createObjectNode();
        if ("slack".equals(format)) {
            body.put("text", sentence);
        } else {
            body.put("type", type).put("timestamp", at.toString()).set("data", data);
        }
        return body.toString();
    }
}
