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

import com.outsidein.journeys.problem.ProblemException;

/** Reads and writes whole journey documents; callers own the transaction. */
@ApplicationScoped
public class JourneyRepository implements PanacheRepositoryBase<JourneyEntity, Long> {

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;
    @jakarta.inject.Inject
    com.outsidein.journeys.format.AppClock clock;

    public Optional<JourneyEntity> findByKey(long teamId, String key) {
        return find("teamId = ?1 and key = ?2", teamId, key).firstResultOptional();
    }

    /** The journey row locked for update, so concurrent writers of one journey queue up. */
    /** The team's journey, or a 404 exactly as if it did not exist: another team's journey is not there. */
    public JourneyEntity requireByKey(long teamId, String key) {
        return findByKey(teamId, key).orElseThrow(() -> ProblemException.notFound("No journey '" + key + "'"));
    }

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
    /**
     * Documents by journey id and version. Every change to a document gives it a new version (and a
     * deleted journey's id is never reused), so an entry can never be stale, on any replica; the key is
     * the version read in this request's transaction. Reading a document took five queries and the
     * entities' construction, most of a GET's time under load.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, JourneyDocument> documents =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2_000).build();

    public JourneyDocument load(JourneyEntity journey) {
        return documents.get(journey.id + ":" + journey.version, k -> loadFromTables(journey));
    }

    private JourneyDocument loadFromTables(JourneyEntity journey) {
        var em = getEntityManager();
        List<StepEntity> steps = em.createQuery(
                "from StepEntity s where s.journey.id = ?1 order by s.position", StepEntity.class)
                .setParameter(1, journey.id).getResultList();
        Map<Long, List<TouchpointDocument>> touchpoints = new HashMap<>();
        for (TouchpointEntity t : em.createQuery(
                "from TouchpointEntity t where t.journey.id = ?1 order by t.position", TouchpointEntity.class)
                .setParameter(1, journey.id).getResultList()) {
            touchpoints.computeIfAbsent(t.step.id, k -> new ArrayList<>()).add(new TouchpointDocument(
                    t.key, t.name, t.description, t.channel, t.mode, t.owner, t.staffed, t.looksPersonal,
                    exclusions(t.excludes), sourceEvents(t.sourceEvents)));
        }
        Map<Long, List<ActionDocument>> actions = new HashMap<>();
        List<ActionEntity> actionRows = em.createQuery(
                "select distinct a from ActionEntity a left join fetch a.respondedBy where a.journey.id = ?1",
                ActionEntity.class).setParameter(1, journey.id).getResultList();
        actionRows.stream().sorted(Comparator.comparingInt(a -> a.position)).forEach(a -> actions
                .computeIfAbsent(a.step.id, k -> new ArrayList<>())
                .add(new ActionDocument(a.key, a.name, a.description, a.expectsResponse, a.responseSla,
                        a.requiresHuman, a.respondedBy.stream().map(t -> t.key).toList(), sourceEvents(a.sourceEvents))));
        List<StepDocument> stepDocs = steps.stream().map(s -> new StepDocument(s.key, s.name, s.description,
                s.buyerGoal, s.optional, s.staleAfter, List.copyOf(touchpoints.getOrDefault(s.id, List.of())),
                List.copyOf(actions.getOrDefault(s.id, List.of())), sourceEvents(s.sourceEvents))).toList();

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
                        List.copyOf(conditions.getOrDefault(t.id, List.of()))))
                .toList();
        return new JourneyDocument(journey.key, journey.name, journey.description, journey.segment, journey.version,
                stepDocs, transitionDocs);
    }

    private List<ExclusionDocument> exclusions(String json) {
        try {
            return List.of(mapper.readValue(json, ExclusionDocument[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored exclusions are always JSON", e);
        }
    }

    private List<SourceEventDocument> sourceEvents(String json) {
        try {
            return json == null ? List.of() : List.of(mapper.readValue(json, SourceEventDocument[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored source events are always JSON", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A journey element is always JSON", e);
        }
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
        em.flush();
        // The lifetime limits on keys (128 steps, 4,096 actions or touchpoints) are checked before any content is written.
        assignStepRefs(journey.id, doc);
        insertContent(journey.id, doc);
        Long id = journey.id;
        em.clear();
        return em.find(JourneyEntity.class, id);
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
            throw com.outsidein.journeys.problem.ProblemException.invalid("steps",
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
            throw com.outsidein.journeys.problem.ProblemException.invalid("steps", "this journey has used "
                    + MAX_ELEMENT_REFS + " distinct action or touchpoint keys over its life; reuse an earlier key");
        }
        em.createNativeQuery("insert into element_ref (journey_id, kind, element_key, ref) "
                + "select ?1, ?2, k, (select coalesce(max(ref), -1) from element_ref where journey_id = ?1 and kind = ?2) "
                + "+ row_number() over (order by n) from unnest(cast(?3 as text[])) with ordinality as u(k, n) "
                + "where not exists (select 1 from element_ref r where r.journey_id = ?1 and r.kind = ?2 and r.element_key = k)")
                .setParameter(1, journeyId).setParameter(2, kind).setParameter(3, array).executeUpdate();
    }

    /**
     * Writes the document's content in one statement per table, however large: each takes the column
     * values as driver arrays and joins parents by key (keys are unique in a journey). Row-by-row inserts
     * with IDENTITY keys could not be batched and held the journey's lock for seconds on a dense document.
     */
    private void insertContent(long journeyId, JourneyDocument doc) {
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            ContentArrays steps = new ContentArrays();
            ContentArrays touchpoints = new ContentArrays();
            ContentArrays actions = new ContentArrays();
            ContentArrays responders = new ContentArrays();
            for (int i = 0; i < doc.steps().size(); i++) {
                StepDocument s = doc.steps().get(i);
                steps.add(s.key(), i, s.name(), s.description(), s.buyerGoal(), s.optional(), s.staleAfter(), json(s.sourceEvents()));
                for (int t = 0; t < s.touchpoints().size(); t++) {
                    TouchpointDocument td = s.touchpoints().get(t);
                    touchpoints.add(s.key(), td.key(), t, td.name(), td.description(), td.channel().name(), td.mode().name(),
                            td.owner(), td.staffed(), td.looksPersonal(), json(td.excludes()), json(td.sourceEvents()));
                }
                for (int a = 0; a < s.actions().size(); a++) {
                    ActionDocument ad = s.actions().get(a);
                    actions.add(s.key(), ad.key(), a, ad.name(), ad.description(), ad.expectsResponse(), ad.responseSla(),
                            ad.requiresHuman(), json(ad.sourceEvents()));
                    for (int r = 0; r < ad.respondedBy().size(); r++) {
                        responders.add(ad.key(), ad.respondedBy().get(r), r);
                    }
                }
            }
            ContentArrays transitions = new ContentArrays();
            ContentArrays conditions = new ContentArrays();
            for (int i = 0; i < doc.transitions().size(); i++) {
                TransitionDocument td = doc.transitions().get(i);
                transitions.add(td.from(), td.to(), i, td.match().name(), td.description());
                for (int c = 0; c < td.conditions().size(); c++) {
                    ConditionDocument cd = td.conditions().get(c);
                    conditions.add(td.from(), td.to(), c, cd.type().name(), cd.action(), cd.minCount(), cd.touchpoint(),
                            cd.attribute(), cd.value(), cd.duration(), cd.note());
                }
            }
            steps.insert(connection, journeyId, "insert into journey_step (journey_id, key, position, name, description, "
                    + "buyer_goal, optional, stale_after, source_events) select ?, * from unnest(?::text[], ?::int[], ?::text[], "
                    + "?::text[], ?::text[], ?::boolean[], ?::text[], ?::jsonb[])");
            touchpoints.insert(connection, journeyId, "insert into touchpoint (journey_id, step_id, key, position, name, "
                    + "description, channel, mode, owner, staffed, looks_personal, excludes, source_events) "
                    + "select s.journey_id, s.id, u.k, u.p, u.n, u.d, u.c, u.m, u.o, u.st, u.lp, u.ex, u.se "
                    + "from journey_step s join unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], "
                    + "?::text[], ?::boolean[], ?::boolean[], ?::jsonb[], ?::jsonb[]) as u(sk, k, p, n, d, c, m, o, st, lp, ex, se) "
                    + "on s.key = u.sk where s.journey_id = ?");
            actions.insert(connection, journeyId, "insert into buyer_action (journey_id, step_id, key, position, name, "
                    + "description, expects_response, response_sla, requires_human, source_events) "
                    + "select s.journey_id, s.id, u.k, u.p, u.n, u.d, u.e, u.sla, u.h, u.se from journey_step s "
                    + "join unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::boolean[], "
                    + "?::jsonb[]) as u(sk, k, p, n, d, e, sla, h, se) on s.key = u.sk where s.journey_id = ?");
            responders.insert(connection, journeyId, "insert into action_response (action_id, touchpoint_id, position) "
                    + "select a.id, t.id, u.p from unnest(?::text[], ?::text[], ?::int[]) as u(ak, tk, p) "
                    + "join buyer_action a on a.key = u.ak join touchpoint t on t.key = u.tk "
                    + "where a.journey_id = ? and t.journey_id = a.journey_id");
            transitions.insert(connection, journeyId, "insert into transition (journey_id, from_step_id, to_step_id, position, "
                    + "match, description) select f.journey_id, f.id, t.id, u.p, u.m, u.d "
                    + "from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[]) as u(fk, tk, p, m, d) "
                    + "join journey_step f on f.key = u.fk join journey_step t on t.key = u.tk "
                    + "where f.journey_id = ? and t.journey_id = f.journey_id");
            conditions.insert(connection, journeyId, "insert into transition_condition (transition_id, position, type, "
                    + "action_id, min_count, touchpoint_id, attribute, value, duration, note) "
                    + "select tr.id, u.p, u.ty, a.id, u.mc, tp.id, u.at, u.v, u.du, u.no "
                    + "from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], "
                    + "?::text[], ?::text[], ?::text[]) as u(fk, tk, p, ty, ak, mc, tpk, at, v, du, no) "
                    + "join journey_step f on f.key = u.fk join journey_step t on t.key = u.tk "
                    + "join transition tr on tr.from_step_id = f.id and tr.to_step_id = t.id "
                    + "left join buyer_action a on a.journey_id = f.journey_id and a.key = u.ak "
                    + "left join touchpoint tp on tp.journey_id = f.journey_id and tp.key = u.tpk "
                    + "where f.journey_id = ? and t.journey_id = f.journey_id");
        });
    }

    /** Column values of one table's rows, gathered column by column to be sent as arrays. */
    private static final class ContentArrays {
        private final List<List<Object>> columns = new java.util.ArrayList<>();
        private int rows;

        void add(Object... values) {
            if (columns.isEmpty()) {
                for (int i = 0; i < values.length; i++) {
                    columns.add(new java.util.ArrayList<>());
                }
            }
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
            rows++;
        }

        /** Binds each column as an array of its SQL type (from the cast in the statement), then the journey id. */
        void insert(java.sql.Connection connection, long journeyId, String sql) throws java.sql.SQLException {
            if (rows == 0) {
                return;
            }
            java.util.regex.Matcher casts = java.util.regex.Pattern.compile("\\?::(\\w+)\\[\\]").matcher(sql);
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                boolean journeyFirst = sql.contains("select ?, ");
                if (journeyFirst) {
                    statement.setLong(index++, journeyId);
                }
                for (List<Object> column : columns) {
                    casts.find();
                    // JSON travels as text; the statement's cast makes it jsonb.
                    String type = switch (casts.group(1)) {
                        case "int" -> "integer";
                        case "jsonb" -> "text";
                        default -> casts.group(1);
                    };
                    statement.setArray(index++, connection.createArrayOf(type, column.toArray()));
                }
                if (!journeyFirst) {
                    statement.setLong(index, journeyId);
                }
                statement.executeUpdate();
            }
        }
    }
}
