package com.outsidein.journeys.problem;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Carries a Jackson error out of a merge patch so the problem mapper reports it like a bad body. */
public final class PatchedBodyException extends RuntimeException {

    public PatchedBodyException(JsonProcessingException cause) {
        super(cause.getOriginalMessage(), cause);
    }

    public JsonProcessingException jsonCause() {
        return (JsonProcessingException) getCause();
    }
}
