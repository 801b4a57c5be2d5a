package com.outsidein.journeys.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;

import com.outsidein.journeys.problem.ProblemMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads request bodies under the size limit before JAX-RS sees them, so a body that is too large, whether
 * it declares its length or comes chunked, is refused with a problem answer that names the limit. The
 * HTTP layer's own refusal is an empty 413 that clients cannot explain.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limit);
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(ctx -> {
            // Only a request that sends a body is read here; JAX-RS reads an absent one itself.
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean chunked = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
            boolean hasBody = chunked || (length != null && !length.trim().equals("0"));
            if (hasBody && isForm(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
                refuseForm(ctx);
            } else if (hasBody) {
                bodies.handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        refuse(ctx, limit);
                    } else {
                        ctx.next();
                    }
                });
    }

    /**
     * No operation takes a form, and Vert.x's form decoders below JAX-RS answer a large or multipart one with
     * their own non-problem errors: such a body gets the 415 (or, without a key, the 401) a small one gets.
     */
    private static void refuseForm(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            ctx.response().putHeader("WWW-Authenticate", ProblemMapper.BEARER_CHALLENGE);
            RequestIds.refuse(ctx, 401, "unauthorized", "Unauthorized", ProblemMapper.NO_KEY);
        } else {
            RequestIds.refuse(ctx, 415, "unsupported-media-type", "Unsupported Media Type", ProblemMapper.JSON_ONLY);
        }
    }

    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data");
    }

    private static void refuse(RoutingContext ctx, long limit) {
        RequestIds.refuse(ctx, 413, "request-entity-too-large", "Request Entity Too Large", ProblemMapper.bodyTooLarge(ctx.request().path(), limit));
    }
}
