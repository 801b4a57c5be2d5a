package com.outsidein.journeys.format;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every time in an answer is UTC in whole seconds ({@code 2026-03-02T09:15:00Z}): the precision the
 * reports measure in, and one format whether the value came from the database or the clock.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A Jackson module writing Instant and OffsetDateTime that way. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("whole-second-utc-times");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator out, SerializerProvider serializers) throws IOException {
                out.writeString(format(value));
            }
        });
        module.addSerializer(OffsetDateTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator out, SerializerProvider serializers) throws IOException {
                out.writeString(format(value.toInstant()));
            }
        });
        return module;
    }
}
