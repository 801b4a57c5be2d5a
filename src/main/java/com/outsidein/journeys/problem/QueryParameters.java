package com.outsidein.journeys.problem;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;

import io.vertx.core.http.HttpServerRequest;

/** Names the query parameters of a request that the resource method cannot read as their declared type. */
final class QueryParameters {

    private QueryParameters() {
    }

    static List<FieldError> unreadable(ResourceInfo resource, HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (resource == null || resource.getResourceMethod() == null) {
            return errors;
        }
        for (Parameter parameter : resource.getResourceMethod().getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            String value = query == null ? null : request.getParam(query.value());
            if (value != null && !readable(parameter.getType(), value)) {
                errors.add(new FieldError(query.value(), "must be " + describe(parameter.getType())));
            }
        }
        return errors;
    }

    private static boolean readable(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value);
            } else if (type == boolean.class || type == Boolean.class) {
                return value.equals("true") || value.equals("false");
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
