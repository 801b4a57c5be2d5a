package com.outsidein.journeys.http;

import com.outsidein.journeys.problem.Problem;
import com.outsidein.journeys.problem.ProblemMapper;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id, before anything else runs: the caller's {@code X-Request-Id} when it is a
 * sane token, else a new one. It is sent back as {@code X-Request-Id}, carried by every problem answer
 * as {@code requestId}, and put in the logging context, so the access-log line and any error logged for
 * the request carry it too: a user quotes it, an operator finds it.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String KEY = ProblemMapper.REQUEST_ID_KEY;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    /** Longest request target and header block that reach the service; the HTTP codec's own limits are far higher. */
    static final int MAX_TARGET = 8192;
    static final int MAX_HEADERS = 16384;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::identify);
    }

    private void identify(RoutingContext ctx) {
        String offered = ctx.request().getHeader(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        MDC.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        // The codec accepts long targets and headers so that these answers are problems, not bare 414/431.
        if (ctx.request().uri().length() > MAX_TARGET) {
            refuse(ctx, 414, "uri-too-long", "URI Too Long",
                    "The request target is longer than " + MAX_TARGET + " characters; send long input in a body");
            return;
        }
        int headerBytes = 0;
        for (var header : ctx.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS) {
            refuse(ctx, 431, "request-header-fields-too-large", "Request Header Fields Too Large",
                    "The request headers add up to more than " + MAX_HEADERS + " bytes");
            return;
        }
        ctx.next();
    }

    /** A problem answer from below JAX-RS, with the request's id; the connection closes after it. */
    public static void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(new Problem(ProblemMapper.TYPE_PREFIX + type, title, status, detail, null, ctx.get(KEY))));
    }

    /** The current request's id, where one is being handled. */
    public static String current() {
        return ProblemMapper.currentRequestId();
    }
}
