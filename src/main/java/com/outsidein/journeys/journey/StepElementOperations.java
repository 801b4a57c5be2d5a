package com.outsidein.journeys.journey;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.problem.RequestValidator;
import com.outsidein.journeys.security.CurrentCaller;

/** The endpoints of a step's touchpoints and buyer actions, written once for both kinds. */
@ApplicationScoped
class StepElementOperations {

    @Inject
    JourneyService journeys;
    @Inject
    JourneyValidator validator;
    @Inject
    ElementPatcher patcher;
    @Inject
    CurrentCaller caller;

    <T> RestResponse<List<T>> list(StepElementKind<T> kind, String journey, String step) {
        JourneyDocument doc = journeys.get(caller.teamId(), journey);
        return JourneyResponses.ok(kind.elements().apply(JourneyEdits.step(doc, step)), doc.version());
    }

    <T> RestResponse<T> create(StepElementKind<T> kind, String journey, String step, T body, URI base) {
        validator.checkFields(body, kind.name());
        String key = kind.key().apply(body);
        RequestValidator.requireFields(kind.name(), key, "key");
        JourneyDocument doc = journeys.edit(caller.caller(), journey,
                current -> kind.add().apply(current, step, body), () -> JourneyChange.of(kind.change("ADDED"), key));
        return JourneyResponses.created(base.resolve(base.getPath() + "/" + key), kind.find().find(doc, step, key),
                doc.version());
    }

    <T> RestResponse<T> get(StepElementKind<T> kind, String journey, String step, String key) {
        JourneyDocument doc = journeys.get(caller.teamId(), journey);
        return JourneyResponses.ok(kind.find().find(doc, step, key), doc.version());
    }

    <T> RestResponse<T> put(StepElementKind<T> kind, String journey, String step, String key, T body,
            URI location) {
        T element = kind.withKey().apply(JourneyValidator.requireBody(body, kind.name()),
                ElementPatcher.keyFromPath(kind.key().apply(body), key));
        validator.checkFields(element, kind.name());
        boolean[] created = new boolean[1];
        JourneyDocument doc = journeys.edit(caller.caller(), journey, current -> {
            created[0] = kind.elements().apply(JourneyEdits.step(current, step)).stream()
                    .noneMatch(e -> kind.key().apply(e).equals(key));
            return kind.put().apply(current, step, element);
        }, () -> JourneyChange.put(created[0], kind.change("ADDED"), kind.change("REPLACED"), key));
        return JourneyResponses.createdOrOk(created[0], location, kind.find().find(doc, step, key), doc.version());
    }

    <T> RestResponse<T> patch(StepElementKind<T> kind, String journey, String step, String key, JsonNode patch) {
        JourneyDocument doc = journeys.edit(caller.caller(), journey,
                current -> kind.put().apply(current, step, patcher.patch(kind.find().find(current, step, key), patch,
                        kind.type(), kind.name(), e -> kind.key().apply(e))),
                () -> JourneyChange.of(kind.change("PATCHED"), key));
        return JourneyResponses.ok(kind.find().find(doc, step, key), doc.version());
    }

    RestResponse<Void> delete(StepElementKind<?> kind, String journey, String step, String key) {
        JourneyDocument doc = journeys.edit(caller.caller(), journey, current -> kind.remove().apply(current, step, key),
                () -> JourneyChange.of(kind.change("DELETED"), key));
        return JourneyResponses.deleted(doc.version());
    }
}
