package com.outsidein.journeys.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.outsidein.journeys.security.KeyViews.CreatedKey;
import com.outsidein.journeys.security.KeyViews.KeyPage;
import com.outsidein.journeys.security.KeyViews.KeyView;

/** The team's API keys. */
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Keys", description = "The team's API keys: scopes, expiry, last use, revocation")
@RolesAllowed(Scopes.KEYS_ADMIN)
public class ApiKeyResource {

    @Inject
    ApiKeyService keys;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createKey", summary = "Make a key of the caller's team",
            description = "Answers the secret this once. A key can only be given scopes the calling key holds itself.")
    @APIResponse(responseCode = "201", description = "Made; the body holds the secret", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedKey.class)))
    public RestResponse<CreatedKey> create(KeyRequest request, @Context UriInfo uri) {
        CreatedKey created = keys.create(caller.caller(), request);
        return RestResponse.ResponseBuilder.<CreatedKey>created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listKeys", summary = "List the team's keys, revoked ones included, never a secret",
            description = "Every key of the calling team with its name, scopes, creator, expiry, last use and revocation; secrets are never shown again.")
    public KeyPage list(
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return keys.list(caller.caller(), cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getKey", summary = "Get one of the team's keys, never its secret",
            description = "One key of the calling team; another team's key answers 404.")
    public KeyView get(@PathParam("id") String id) {
        return keys.get(caller.caller(), id);
    }

    @DELETE
    @Produces(MediaType.WILDCARD) // 204 with no body: a client accepting only problems must not get 406
    @Path("/{id}")
    @Operation(operationId = "revokeKey", summary = "Revoke a key",
            description = "At once on the replica that answers, within journeys.security.key-cache-ttl (5 s) on the others.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public RestResponse<Void> revoke(@PathParam("id") String id) {
        keys.revoke(caller.caller(), id);
        return RestResponse.noContent();
    }
}
