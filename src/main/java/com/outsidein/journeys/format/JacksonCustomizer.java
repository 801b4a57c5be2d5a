package com.outsidein.journeys.format;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** Strict JSON: no trailing garbage, no "true" for true, no duplicate fields; a client's typo is an error. */
@Singleton
public class JacksonCustomizer implements ObjectMapperCustomizer {

    /** Deepest JSON nesting a body may have. */
    public static final int MAX_NESTING = 64;
    /** Longest JSON string a body may hold, in characters. */
    public static final int MAX_STRING = 1_000_000;

    /** Runs last, so its time serializers win over the ones the Java time module brings. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // An enum is named, never numbered: 0 is not EMAIL.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(Timestamps.module());
        mapper.registerModule(StorableText.module());
        // A journey document nests six levels; no text field needs a megabyte; no number needs 100 digits.
        mapper.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING).maxNumberLength(100).build());
    }
}
