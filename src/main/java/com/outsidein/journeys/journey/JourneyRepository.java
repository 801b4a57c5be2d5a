package com.outsidein.journeys.journey;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes whole journey documents; callers own the transaction. */
@ApplicationScoped
public class JourneyRepository implements PanacheRepositoryBase<JourneyEntity, Long> {

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;
    @jakarta.inject.Inject
    com.outsidein.journeys.common.AppClock clock;

    public Optional<JourneyEntity> findByKey(long teamId, String key) {
        return find("teamId = ?1 and key = ?2", teamId, key).firstResultOptional();
    }

    /** The journey row locked for update, so concurrent writers of one journey queue up. */
    public Optional<JourneyEntity> findByKeyForUpdate(long teamId, String key) {
        return find("teamId = ?1 and key = ?2", teamId, key).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Serialises journey creation in a team, so two concurrent creates of one key cannot both insert. */
    public void lockTeam(long teamId) {
        getEntityManager().createNativeQuery("select id from team where id = ?1 for update")
                .setParameter(1, teamId).getResultList();
    }

    public List<JourneyEntity> page(long teamId, String afterKey, int limit) {
        return afterKey == null
                ? find("teamId = ?1 order by key", teamId).range(0, limit - 1).list()
                : find("teamId = ?1 and key > ?2 order by key", teamId, afterKey).range(0, limit - 1).list();
    }

    public long nextVersion() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('journey_version_seq')")
                .getSingleResult()).longValue();
    }

    /** Step counts per journey id, for listings. */
    public Map<Long, Long> stepCounts(List<Long> journeyIds) {
        if (journeyIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select s.journey.id, count(s) from StepEntity s where s.journey.id in ?1 group by s.journey.id",
                Object[].class).setParameter(1, journeyIds).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }

    /** Assembles the document of a journey in five queries, whatever its size. */
    public JourneyDocument load(JourneyEntity journey) {
        var em = getEntityManager();
        List<StepEntity> steps = em.createQuery(
                "from StepEntity s where s.journey.id = ?1 order by s.position", StepEntity.class)
                .setParameter(1, journey.id).getResultList();
        Map<Long, List<TouchpointDocument>> touchpoints = new HashMap<>();
        for (TouchpointEntity t : em.createQuery(
                "from TouchpointEntity t where t.journey.id = ?1 order by t.position", TouchpointEntity.class)
                .setParameter(1, journey.id).getResultList()) {
            touchpoints.computeIfAbsent(t.step.id, k -> new ArrayList<>()).add(new TouchpointDocument(
                    t.key, t.name, t.description, t.channel, t.mode, t.owner, t.staffed));
        }
        Map<Long, List<ActionDocument>> actions = new HashMap<>();
        List<ActionEntity> actionRows = em.createQuery(
                "select distinct a from ActionEntity a left join fetch a.respondedBy where a.journey.id = ?1",
                ActionEntity.class).setParameter(1, journey.id).getResultList();
        actionRows.stream().sorted(Comparator.comparingInt(a -> a.position)).forEach(a -> actions
                .computeIfAbsent(a.step.id, k -> new ArrayList<>())
                .add(new ActionDocument(a.key, a.name, a.description, a.expectsResponse, a.responseSla,
                        a.requiresHuman, a.respondedBy.stream().map(t -> t.key).toList())));
        List<StepDocument> stepDocs = steps.stream().map(s -> new StepDocument(s.key, s.name, s.description,
                s.buyerGoal, s.optional, s.staleAfter, touchpoints.getOrDefault(s.id, List.of()),
                actions.getOrDefault(s.id, List.of()))).toList();

        Map<Long, List<ConditionDocument>> conditions = new LinkedHashMap<>();
        for (ConditionEntity c : em.createQuery("from ConditionEntity c left join fetch c.action "
                + "left join fetch c.touchpoint where c.transition.journey.id = ?1 order by c.position",
                ConditionEntity.class).setParameter(1, journey.id).getResultList()) {
            conditions.computeIfAbsent(c.transition.id, k -> new ArrayList<>()).add(new ConditionDocument(c.type,
                    c.action == null ? null : c.action.key, c.minCount,
                    c.touchpoint == null ? null : c.touchpoint.key, c.attribute, c.value, c.duration, c.note));
        }
        List<TransitionDocument> transitionDocs = em.createQuery("from TransitionEntity t join fetch t.from "
                + "join fetch t.to where t.journey.id = ?1 order by t.position", TransitionEntity.class)
                .setParameter(1, journey.id).getResultList().stream()
                .map(t -> new TransitionDocument(t.from.key, t.to.key, t.match, t.description,
                        conditions.getOrDefault(t.id, List.of())))
                .toList();
        return new JourneyDocument(journey.key, journey.name, journey.description, journey.segment, journey.version,
                stepDocs, transitionDocs);
    }

    /** Keeps a version as GET answers it, with the key that wrote it and the kind of change. */
    public void recordVersion(JourneyEntity journey, JourneyDocument document, String keyId, String keyName,
            JourneyChange change) {
        String json;
        try {
            json = mapper.writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A journey document is always JSON", e);
        }
        getEntityManager().createNativeQuery("insert into journey_version (journey_id, version, at, key_id, key_name, change, "
                + "subject, document) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb)) on conflict do nothing")
                .setParameter(1, journey.id).setParameter(2, document.version()).setParameter(3, journey.updatedAt)
                .setParameter(4, keyId).setParameter(5, keyName).setParameter(6, change.kind().name())
                .setParameter(7, change.subject()).setParameter(8, json).executeUpdate();
    }

    public JourneyEntity create(long teamId, String key) {
        JourneyEntity journey = new JourneyEntity();
        journey.teamId = teamId;
        journey.key = key;
        return journey;
    }

    /**
     * Replaces a journey's header and content with a validated document. The old content goes in one
     * cascading delete so new rows never collide with old keys.
     */
    public JourneyEntity save(JourneyEntity journey, JourneyDocument doc, long version) {
        var em = getEntityManager();
        OffsetDateTime now = clock.nowUtc();
        if (journey.id == null) {
            journey.createdAt = now;
        } else {
            em.flush();
            em.createNativeQuery("delete from journey_step where journey_id = ?1").setParameter(1, journey.id)
                    .executeUpdate();
            Long id = journey.id;
            em.clear();
            journey = em.find(JourneyEntity.class, id);
        }
        journey.name = doc.name();
        journey.description = doc.description();
        journey.segment = doc.segment();
        journey.version = version;
        journey.updatedAt = now;
        if (journey.id == null) {
            em.persist(journey);
        }
        insertContent(journey, doc);
        em.flush();
        assignStepRefs(journey.id, doc);
        return journey;
    }

    /** Largest number of distinct step keys a journey can ever have had: refs are packed into 7 bits. */
    static final int MAX_STEP_REFS = 128;

    /**
     * Gives each step key seen for the first time a permanent small number, used to pack prospects'
     * step entries; writes of one journey are serialised by its row lock, so numbers cannot collide.
     */
    private void assignStepRefs(long journeyId, JourneyDocument doc) {
        var em = getEntityManager();
        for (StepDocument step : doc.steps()) {
            em.createNativeQuery("insert into step_ref (journey_id, step_key, ref) "
                    + "select ?1, ?2, coalesce(max(ref) + 1, 0) from step_ref where journey_id = ?1 "
                    + "having coalesce(max(ref) + 1, 0) < " + MAX_STEP_REFS + " on conflict do nothing")
                    .setParameter(1, journeyId).setParameter(2, step.key()).executeUpdate();
        }
        long assigned = ((Number) em.createNativeQuery(
                "select count(*) from step_ref where journey_id = ?1 and step_key = any(cast(?2 as text[]))")
                .setParameter(1, journeyId)
                .setParameter(2, doc.steps().stream().map(StepDocument::key).toArray(String[]::new))
                .getSingleResult()).longValue();
        if (assigned < doc.steps().size()) {
            throw com.outsidein.journeys.common.ProblemException.invalid("steps",
                    "this journey has used " + MAX_STEP_REFS + " distinct step keys over its life; reuse an earlier key");
        }
        assignElementRefs(journeyId, "A", doc.steps().stream().flatMap(st -> st.actions().stream())
                .map(ActionDocument::key).toList());
        assignElementRefs(journeyId, "T", doc.steps().stream().flatMap(st -> st.touchpoints().stream())
                .map(TouchpointDocument::key).toList());
    }

    /** Largest number of distinct action (or touchpoint) keys a journey can ever have had: 12-bit refs. */
    static final int MAX_ELEMENT_REFS = 4096;

    /** Numbers the journey's new action or touchpoint keys in one statement, after the highest number used. */
    private void assignElementRefs(long journeyId, String kind, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // A driver array, not a literal: a key spelled null would be SQL NULL in '{null}'.
        String[] array = keys.toArray(String[]::new);
        var em = getEntityManager();
        long total = ((Number) em.createNativeQuery("select count(*) + (select count(*) from unnest(cast(?3 as text[])) k "
                + "where not exists (select 1 from element_ref r where r.journey_id = ?1 and r.kind = ?2 and r.element_key = k)) "
                + "from element_ref where journey_id = ?1 and kind = ?2")
                .setParameter(1, journeyId).setParameter(2, kind).setParameter(3, array).getSingleResult()).longValue();
        if (total > MAX_ELEMENT_REFS) {
            throw com.outsidein.journeys.common.ProblemException.invalid("steps", "this journey has used "
                    + MAX_ELEMENT_REFS + " distinct action or touchpoint keys over its life; reuse an earlier key");
        }
        em.createNativeQuery("insert into element_ref (journey_id, kind, element_key, ref) "
                + "select ?1, ?2, k, (select coalesce(max(ref), -1) from element_ref where journey_id = ?1 and kind = ?2) "
                + "+ row_number() over (order by n) from unnest(cast(?3 as text[])) with ordinality as u(k, n) "
                + "where not exists (select 1 from element_ref r where r.journey_id = ?1 and r.kind = ?2 and r.element_key = k)")
                .setParameter(1, journeyId).setParameter(2, kind).setParameter(3, array).executeUpdate();
    }

    private void insertContent(JourneyEntity journey, JourneyDocument doc) {
        var em = getEntityManager();
        Map<String, StepEntity> steps = new HashMap<>();
        Map<String, TouchpointEntity> touchpoints = new HashMap<>();
        Map<String, ActionEntity> actions = new HashMap<>();
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument s = doc.steps().get(i);
            StepEntity step = new StepEntity();
            step.journey = journey;
            step.key = s.key();
            step.position = i;
            step.name = s.name();
            step.description = s.description();
            step.buyerGoal = s.buyerGoal();
            step.optional = s.optional();
            step.staleAfter = s.staleAfter();
            em.persist(step);
            steps.put(step.key, step);
            for (int t = 0; t < s.touchpoints().size(); t++) {
                TouchpointDocument td = s.touchpoints().get(t);
                TouchpointEntity tp = new TouchpointEntity();
                tp.journey = journey;
                tp.step = step;
                tp.key = td.key();
                tp.position = t;
                tp.name = td.name();
                tp.description = td.description();
                tp.channel = td.channel();
                tp.mode = td.mode();
                tp.owner = td.owner();
                tp.staffed = td.staffed();
                em.persist(tp);
                touchpoints.put(tp.key, tp);
            }
        }
        for (StepDocument s : doc.steps()) {
            for (int a = 0; a < s.actions().size(); a++) {
                ActionDocument ad = s.actions().get(a);
                ActionEntity action = new ActionEntity();
                action.journey = journey;
                action.step = steps.get(s.key());
                action.key = ad.key();
                action.position = a;
                action.name = ad.name();
                action.description = ad.description();
                action.expectsResponse = ad.expectsResponse();
                action.responseSla = ad.responseSla();
                action.requiresHuman = ad.requiresHuman();
                ad.respondedBy().forEach(key -> action.respondedBy.add(touchpoints.get(key)));
                em.persist(action);
                actions.put(action.key, action);
            }
        }
        for (int i = 0; i < doc.transitions().size(); i++) {
            TransitionDocument td = doc.transitions().get(i);
            TransitionEntity transition = new TransitionEntity();
            transition.journey = journey;
            transition.from = steps.get(td.from());
            transition.to = steps.get(td.to());
            transition.position = i;
            transition.match = td.match();
            transition.description = td.description();
            em.persist(transition);
            for (int c = 0; c < td.conditions().size(); c++) {
                ConditionDocument cd = td.conditions().get(c);
                ConditionEntity condition = new ConditionEntity();
                condition.transition = transition;
                condition.position = c;
                condition.type = cd.type();
                condition.action = cd.action() == null ? null : actions.get(cd.action());
                condition.minCount = cd.minCount();
                condition.touchpoint = cd.touchpoint() == null ? null : touchpoints.get(cd.touchpoint());
                condition.attribute = cd.attribute();
                condition.value = cd.value();
                condition.duration = cd.duration();
                condition.note = cd.note();
                em.persist(condition);
            }
        }
    }
}
