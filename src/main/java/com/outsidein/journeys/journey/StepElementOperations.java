package com.outsidein.journeys.journey;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.common.Precondition;
import com.outsidein.journeys.journey.JourneyService.EditKind;
import com.outsidein.journeys.security.CurrentTeam;

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
    CurrentTeam team;

    <T> RestResponse<List<T>> list(StepElementKind<T> kind, String journey, String step) {
        JourneyDocument doc = journeys.get(team.id(), journey);
        return JourneyResponses.ok(kind.elements().apply(JourneyEdits.step(doc, step)), doc.version());
    }

    <T> RestResponse<T> create(StepElementKind<T> kind, String journey, String step, T body, String ifMatch, URI base) {
        validator.checkFields(body, kind.name());
        String key = kind.key().apply(body);
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE,
                current -> kind.add().apply(current, step, body));
        return JourneyResponses.created(base.resolve(base.getPath() + "/" + key), kind.find().find(doc, step, key),
                doc.version());
    }

    <T> RestResponse<T> get(StepElementKind<T> kind, String journey, String step, String key) {
        JourneyDocument doc = journeys.get(team.id(), journey);
        return JourneyResponses.ok(kind.find().find(doc, step, key), doc.version());
    }

    <T> RestResponse<T> put(StepElementKind<T> kind, String journey, String step, String key, T body, String ifMatch,
            URI location) {
        T element = kind.withKey().apply(JourneyValidator.requireBody(body, kind.name()),
                ElementPatcher.keyFromPath(kind.key().apply(body), key));
        validator.checkFields(element, kind.name());
        boolean[] created = new boolean[1];
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE, current -> {
            created[0] = kind.elements().apply(JourneyEdits.step(current, step)).stream()
                    .noneMatch(e -> kind.key().apply(e).equals(key));
            return kind.put().apply(current, step, element);
        });
        return JourneyResponses.createdOrOk(created[0], location, kind.find().find(doc, step, key), doc.version());
    }

    <T> RestResponse<T> patch(StepElementKind<T> kind, String journey, String step, String key, JsonNode patch,
            String ifMatch) {
        JourneyDocument doc = journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.CHANGE,
                current -> kind.put().apply(current, step, patcher.patch(kind.find().find(current, step, key), patch,
                        kind.type(), kind.name(), e -> kind.key().apply(e))));
        return JourneyResponses.ok(kind.find().find(doc, step, key), doc.version());
    }

    RestResponse<Void> delete(StepElementKind<?> kind, String journey, String step, String key, String ifMatch) {
        journeys.edit(team.id(), journey, Precondition.of(ifMatch), EditKind.REMOVAL,
                current -> kind.remove().apply(current, step, key));
        return RestResponse.noContent();
    }
}
