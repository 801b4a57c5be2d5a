package com.outsidein.journeys.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import jakarta.validation.Validation;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.problem.RequestValidator;

/** The whole-document rules without Quarkus: Hibernate Validator wired by hand, the rest pure. */
class JourneyValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JourneyValidator validator() throws Exception {
        RequestValidator requests = new RequestValidator();
        java.lang.reflect.Field field = RequestValidator.class.getDeclaredField("validator");
        field.setAccessible(true);
        field.set(requests, Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator());
        JourneyValidator validator = new JourneyValidator();
        validator.requests = requests;
        return validator;
    }

    private static ProblemException refused(String json) throws Exception {
        JourneyDocument doc = JSON.readValue(json, JourneyDocument.class);
        JourneyValidator validator = validator();
        return assertThrows(ProblemException.class, () -> validator.check(doc));
    }

    @Test
    void aValidDocumentPasses() throws Exception {
        validator().check(JSON.readValue(java.nio.file.Files.readString(java.nio.file.Path.of("examples", "risk-software-journey.json")),
                JourneyDocument.class));
    }

    @Test
    void anUnknownReferenceIs422NamingTheField() throws Exception {
        ProblemException e = refused("""
                {"name":"Broken","steps":[{"key":"a","name":"A","actions":[{"key":"x","name":"X","respondedBy":["nobody"]}]}]}""");
        assertEquals(422, e.status());
        assertEquals(List.of(new FieldError("steps[0].actions[0].respondedBy[0]", "unknown touchpoint 'nobody'")), e.errors());
    }

    @Test
    void aRepeatedKeyIs409AndAnOptionalFirstStep422() throws Exception {
        assertEquals(409, refused("""
                {"name":"Twice","steps":[{"key":"a","name":"A"},{"key":"a","name":"Again"}]}""").status());
        ProblemException optional = refused("""
                {"name":"Optional","steps":[{"key":"a","name":"A","optional":true},{"key":"b","name":"B"}]}""");
        assertEquals(422, optional.status());
        assertEquals("steps[0].optional", optional.errors().get(0).field());
    }
}
