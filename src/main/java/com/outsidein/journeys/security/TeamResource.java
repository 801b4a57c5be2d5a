package com.outsidein.journeys.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;

import com.outsidein.journeys.security.KeyViews.CreatedTeam;
import com.outsidein.journeys.security.KeyViews.CurrentTeam;
import com.outsidein.journeys.security.KeyViews.TeamView;

/** Teams: the operator makes them; every key can see its own. */
@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Teams", description = "Teams own journeys and keys; nothing of one team is visible to another")
public class TeamResource {

    @Inject
    TeamService teams;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.TEAMS_ADMIN)
    @Operation(operationId = "createTeam", summary = "Make a team and its first admin key",
            description = "The admin key holds every scope but teams:admin; its secret is shown this once.")
    @APIResponse(responseCode = "201", description = "Made", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedTeam.class)))
    public RestResponse<CreatedTeam> create(TeamRequest request, @Context UriInfo uri) {
        CreatedTeam created = teams.create(caller.caller(), request);
        return RestResponse.ResponseBuilder.<CreatedTeam>created(uri.getAbsolutePathBuilder().path(created.key()).build())
                .entity(created).build();
    }

    @GET
    @Path("/current")
    @Authenticated
    @Operation(operationId = "getCurrentTeam", summary = "The calling key's team, and the key itself (any valid key)",
            description = "The team the calling key belongs to, and the key's own id, name and scopes. Any valid key may ask.")
    public CurrentTeam current() {
        return teams.current(caller.caller());
    }

    @GET
    @Path("/{team}")
    @RolesAllowed(Scopes.TEAMS_ADMIN)
    @Operation(operationId = "getTeam", summary = "Get a team (operator only)",
            description = "A team by key; needs teams:admin, held by the operator's keys only.")
    public TeamView get(@PathParam("team") String team) {
        return teams.get(team);
    }
}
