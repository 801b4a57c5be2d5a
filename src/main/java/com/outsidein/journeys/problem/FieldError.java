package com.outsidein.journeys.problem;

/** One invalid field of a request: where it is (a JSON path such as {@code steps[2].key}) and what is wrong. */
public record FieldError(String field, String message) {
}
