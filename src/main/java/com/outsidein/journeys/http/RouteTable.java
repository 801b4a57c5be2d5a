package com.outsidein.journeys.http;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.vertx.ext.web.Router;

import com.outsidein.journeys.problem.AllowedMethods;

/**
 * The API's path templates and the methods each allows, read once from the resource classes. JAX-RS
 * answers 404 when a path matches a template only in a resource class that lacks the method; this
 * table turns such answers into 405 with {@code Allow}.
 */
@ApplicationScoped
public class RouteTable implements AllowedMethods {

    private record Route(Pattern pattern, Set<String> methods) {
    }

    @Inject
    BeanManager beans;

    /** OPTIONS answers from this table: JAX-RS would list only the methods of one of the classes sharing a path. */
    void answerOptions(@Observes Router router) {
        router.route("/api/*").method(io.vertx.core.http.HttpMethod.OPTIONS).order(Integer.MIN_VALUE + 1).handler(ctx -> {
            Set<String> allowed = allowed(ctx.request().path());
            if (allowed.isEmpty()) {
                ctx.next();
            } else {
                ctx.response().setStatusCode(204).putHeader("Allow", String.join(", ", allowed)).end();
            }
        });
    }

    private volatile List<Route> routes;

    @Override
    public Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.pattern().matcher(path).matches()) {
                methods.addAll(route.methods());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path base = type.getAnnotation(Path.class);
                if (base == null || !type.getPackageName().startsWith("com.outsidein.journeys")) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = httpMethod(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String template = base.value() + (sub == null ? "" : "/" + sub.value());
                        known.add(new Route(compile(template), Set.of(verb)));
                    }
                }
            }
            routes = known;
        }
        return known;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** A template such as /api/v1/journeys/{journey}/steps as a pattern matching one segment per parameter. */
    private static Pattern compile(String template) {
        String normalized = template.replaceAll("/+", "/").replaceAll("/$", "");
        StringBuilder regex = new StringBuilder();
        for (String part : normalized.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
