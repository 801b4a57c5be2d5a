package com.outsidein.journeys.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
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
            if (chunked || (length != null && !length.trim().equals("0"))) {
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

    private static void refuse(RoutingContext ctx, long limit) {
        RequestIds.refuse(ctx, 413, "request-entity-too-large", "Request Entity Too Large", detail(ctx.request().path(), limit));
    }

    /** What was too large and what the limit is; event batches are also limited by count. */
    static String detail(String path, long limit) {
        String text = "The request body is larger than the limit of " + limit + " bytes (QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE)";
        return path != null && path.endsWith("/events") ? text + "; send events in batches of at most 10,000" : text;
    }
}
