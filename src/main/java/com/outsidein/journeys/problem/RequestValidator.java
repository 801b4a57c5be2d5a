package com.outsidein.journeys.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Field-level checks of request bodies (Hibernate Validator), every error reported at once. */
@ApplicationScoped
public class RequestValidator {

    @Inject
    Validator validator;

    /** Throws 400 when a request has no body. */
    public static <T> T requireBody(T body, String what) {
        if (body == null) {
            throw ProblemException.badRequest("A JSON body (" + what + ") is required", List.of());
        }
        return body;
    }

    /** Throws 422 when a field the body must carry here is absent (a create names its key; a PUT's path does). */
    public static void requireFields(String what, Object... valueAndName) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < valueAndName.length; i += 2) {
            if (valueAndName[i] == null) {
                errors.add(new FieldError((String) valueAndName[i + 1], "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Invalid " + what, errors);
        }
    }

    /** Throws 422 listing every field-level error of a request body, with paths relative to it. */
    public <T> void checkFields(T body, String what) {
        requireBody(body, what);
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(body)) {
            errors.add(new FieldError(violation.getPropertyPath().toString().replace(".<list element>", ""),
                    violation.getMessage()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw ProblemException.invalid("Invalid " + what, errors);
        }
    }
}
