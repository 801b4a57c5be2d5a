package com.outsidein.journeys.journey;

import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.http.JsonMergePatch;
import com.outsidein.journeys.problem.ProblemException;

/** Applies a merge patch to one element of a journey and checks the result like a full request body. */
@ApplicationScoped
public class ElementPatcher {

    @Inject
    ObjectMapper mapper;
    @Inject
    JourneyValidator validator;

    /** The patched element; its identity (key, or from and to) may not change through a patch. */
    public <T> T patch(T current, JsonNode patch, Class<T> type, String what, Function<T, Object> identity) {
        T patched = JsonMergePatch.apply(mapper, current, patch, type);
        validator.checkFields(patched, what);
        if (!Objects.equals(identity.apply(current), identity.apply(patched))) {
            throw ProblemException.invalid("key", "a patch cannot change the identity of a " + what
                    + "; create a new one and delete this one instead");
        }
        return patched;
    }

    /** A PUT body whose key is absent takes the key from the path; a different key is refused. */
    public static String keyFromPath(String bodyKey, String pathKey) {
        if (bodyKey != null && !bodyKey.equals(pathKey)) {
            throw ProblemException.invalid("key", "must equal the key in the path ('" + pathKey + "')");
        }
        JourneyService.requireSlug(pathKey);
        return pathKey;
    }
}
