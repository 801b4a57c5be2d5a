package com.outsidein.journeys.security;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers about keys and teams. None carries a stored secret digest; only a new key carries its secret. */
public final class KeyViews {

    private KeyViews() {
    }

    /** A key as listed: never its secret. */
    @Schema(name = "Key")
    public record KeyView(
            @Schema(example = "k3v9w2m7q1x8c4za") String id,
            String name,
            List<String> scopes,
            OffsetDateTime createdAt,
            @Schema(description = "Id of the key that made it") String createdBy,
            OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt,
            Integer rateLimit) {
    }

    /** A key just made: the only answer that shows its secret. */
    @Schema(name = "CreatedKey")
    public record CreatedKey(
            String id,
            String name,
            List<String> scopes,
            @Schema(description = "The whole key; shown this once, store it now", example = "pjk_k3v9w2m7q1x8c4za_...")
            String secret,
            OffsetDateTime createdAt,
            String createdBy,
            OffsetDateTime expiresAt,
            Integer rateLimit) {
    }

    /** One page of the team's keys. */
    @Schema(name = "KeyPage")
    public record KeyPage(List<KeyView> items, String nextCursor) {
    }

    /** A team. */
    @Schema(name = "Team")
    public record TeamView(@Schema(example = "risk-sales") String key, String name, OffsetDateTime createdAt) {
    }

    /** A team just made, with its first admin key. */
    @Schema(name = "CreatedTeam")
    public record CreatedTeam(String key, String name, OffsetDateTime createdAt, CreatedKey adminKey) {
    }

    /** The caller's team and the key the request came with. */
    @Schema(name = "CurrentTeam")
    public record CurrentTeam(String key, String name, OffsetDateTime createdAt, CallerKey callerKey) {
    }

    /** The key a request came with. */
    @Schema(name = "CallerKey")
    public record CallerKey(String id, String name, List<String> scopes) {
    }
}
