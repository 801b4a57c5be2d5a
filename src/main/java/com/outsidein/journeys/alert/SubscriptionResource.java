package com.outsidein.journeys.alert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.outsidein.journeys.http.JsonMergePatch;
import com.outsidein.journeys.problem.RequestValidator;
import com.outsidein.journeys.security.CurrentCaller;
import com.outsidein.journeys.security.Scopes;

/** The team's webhook subscriptions: the owner hears of a design that opened gaps, by signed messages. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Alerts by signed webhooks (Standard Webhooks 1.0), from an outbox that survives crashes")
@RolesAllowed(Scopes.WEBHOOKS_ADMIN)
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;
    @Inject
    CurrentCaller caller;

    /** The id of a queued message. */
    @Schema(name = "WebhookMessageQueued")
    public record Queued(@Schema(example = "msg_2f7d6a1b9e10c4za8q3w5e7r") String id) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe an endpoint to the team's alerts",
            description = "Answers the signing secret this once. The URL must be https and public (loopback, link-local, private "
                    + "and multicast addresses are refused, also after DNS resolution at send time, unless "
                    + "JOURNEYS_WEBHOOKS_ALLOW_PRIVATE=true). At most 20 subscriptions a team.")
    @APIResponse(responseCode = "201", description = "Subscribed; the body holds the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public RestResponse<SubscriptionView> create(SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionView created = subscriptions.create(caller.caller(), RequestValidator.requireBody(request, "subscription"));
        return RestResponse.ResponseBuilder.<SubscriptionView>created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List the team's subscriptions, never a secret",
            description = "Oldest first, with whether each is enabled, why it was disabled, and since when it fails.")
    public SubscriptionPage list() {
        return subscriptions.list(caller.caller());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get one subscription, never its secret",
            description = "Another team's subscription answers 404.")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions.get(caller.caller(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchWebhook", summary = "Change a subscription with a JSON merge patch",
            description = "The same checks as a new subscription; the secret does not change (rotate it with POST .../secret).")
    public SubscriptionView patch(@PathParam("id") String id, JsonNode patch) {
        return subscriptions.patch(caller.caller(), id, RequestValidator.requireBody(patch, "merge patch"));
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe", description = "Its messages, sent or not, go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("id") String id) {
        subscriptions.delete(caller.caller(), id);
        return RestResponse.noContent();
    }

    @POST
    @Path("/{id}/secret")
    @Operation(operationId = "createWebhookSecret", summary = "Rotate the signing secret",
            description = "Answers the new secret this once; the old one keeps signing beside it for 24 hours, so the receiver can switch.")
    public SubscriptionView rotate(@PathParam("id") String id) {
        return subscriptions.rotate(caller.caller(), id);
    }

    @POST
    @Path("/{id}/test")
    @Operation(operationId = "createWebhookTest", summary = "Send a webhook.test message",
            description = "Queued like any message: see it in the deliveries.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Queued.class)))
    public RestResponse<Queued> test(@PathParam("id") String id) {
        return RestResponse.accepted(new Queued(subscriptions.test(caller.caller(), id)));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's messages, newest first",
            description = "Each with its status (PENDING, DELIVERED, FAILED), attempts, last HTTP status and next attempt.")
    public DeliveryView.Page deliveries(@PathParam("id") String id,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return subscriptions.deliveries(caller.caller(), id, cursor, limit);
    }

    @POST
    @Path("/{id}/deliveries/{message}/redeliver")
    @Operation(operationId = "createWebhookRedelivery", summary = "Send a message again, with its id",
            description = "From the start of the retry schedule; the receiver sees the same webhook-id.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Queued.class)))
    public RestResponse<Queued> redeliver(@PathParam("id") String id, @PathParam("message") String message) {
        subscriptions.redeliver(caller.caller(), id, message);
        return RestResponse.accepted(new Queued(message));
    }

}
