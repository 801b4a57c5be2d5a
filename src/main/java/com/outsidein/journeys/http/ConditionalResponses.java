package com.outsidein.journeys.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Conditional GETs for every API answer: the journey's version is the strong ETag of a design resource;
 * a derived answer (gaps, map, reports, prospects, lists) gets a digest of its representation. A matching
 * {@code If-None-Match} answers 304, decided by JAX-RS's {@code Request.evaluatePreconditions}.
 */
public class ConditionalResponses {

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void conditional(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || response.getStatus() != 200
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            tag = new EntityTag(digest(response.getMediaType(), response.getEntity()));
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        Response.ResponseBuilder notModified = request.getRequest().evaluatePreconditions(tag);
        if (notModified != null) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /** A digest of the representation: its media type and its bytes as JSON or text. */
    private String digest(MediaType type, Object entity) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(type).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(entity));
            return "d-" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 27);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot digest an answer", e);
        }
    }
}
