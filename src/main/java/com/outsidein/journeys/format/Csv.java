package com.outsidein.journeys.format;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** CSV answers for analysts' tools: a header row, then one row per record, columns in record order. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
    private static final CsvMapper MAPPER = (CsvMapper) CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build()
            .registerModule(new JavaTimeModule())
            .registerModule(Timestamps.module())
            .registerModule(new SimpleModule("csv-injection").addSerializer(String.class, new InertText()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Csv() {
    }

    /**
     * Client text in a cell cannot run as a spreadsheet formula: a cell starting with =, +, -, @, tab or
     * carriage return gets a leading apostrophe, as OWASP's CSV-injection advice describes.
     */
    static String inert(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static final class InertText extends StdSerializer<String> {
        InertText() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(inert(value));
        }
    }

    public static <T> String write(List<T> rows, Class<T> type) {
        CsvSchema schema = MAPPER.schemaFor(type).withHeader();
        try {
            return MAPPER.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + type.getSimpleName() + " as CSV", e);
        }
    }

    /** The report as JSON, or as CSV rows (built only then) when the client prefers CSV. */
    public static <T> Response orJson(HttpHeaders headers, Object report, Supplier<List<T>> rows, Class<T> type) {
        if (wanted(headers)) {
            return Response.ok(write(rows.get(), type), MEDIA_TYPE).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** Whether the client prefers CSV over JSON (JSON wins ties and wildcards). */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(TYPE)) {
                return true;
            }
        }
        return false;
    }
}
