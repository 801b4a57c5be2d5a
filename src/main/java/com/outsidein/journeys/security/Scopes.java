package com.outsidein.journeys.security;

import java.util.List;

/** The scopes an API key can hold; each is a role checked with {@code @RolesAllowed}. */
public final class Scopes {

    /** Read journey designs, their gaps, map and history; preview a change. */
    public static final String JOURNEYS_READ = "journeys:read";
    /** Create, change and delete journey designs and gap acknowledgements. */
    public static final String JOURNEYS_WRITE = "journeys:write";
    /** Send prospect events. */
    public static final String EVENTS_WRITE = "events:write";
    /** Read reports and prospects. */
    public static final String REPORTS_READ = "reports:read";
    /** Make, list and revoke the team's keys. */
    public static final String KEYS_ADMIN = "keys:admin";
    /** Subscribe, change and test the team's alert webhooks, and read their deliveries. */
    public static final String WEBHOOKS_ADMIN = "webhooks:admin";
    /** Make teams: the operator's scope, never given to a team's first key. */
    public static final String TEAMS_ADMIN = "teams:admin";

    public static final List<String> ALL = List.of(JOURNEYS_READ, JOURNEYS_WRITE, EVENTS_WRITE, REPORTS_READ, KEYS_ADMIN,
            WEBHOOKS_ADMIN, TEAMS_ADMIN);
    /** What a new team's first admin key holds: everything but making other teams. */
    public static final List<String> TEAM_ADMIN_KEY = ALL.stream().filter(s -> !s.equals(TEAMS_ADMIN)).toList();

    private Scopes() {
    }
}
