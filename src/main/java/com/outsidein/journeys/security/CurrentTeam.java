package com.outsidein.journeys.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The team a request acts for. Until API keys exist every request acts for the default team, which
 * the first migration creates; every journey query is already scoped by this id.
 */
@ApplicationScoped
public class CurrentTeam {

    @Inject
    EntityManager entityManager;

    private volatile Long defaultTeamId;

    public long id() {
        Long id = defaultTeamId;
        if (id == null) {
            id = ((Number) entityManager.createNativeQuery("select id from team where key = 'default'")
                    .getSingleResult()).longValue();
            defaultTeamId = id;
        }
        return id;
    }
}
