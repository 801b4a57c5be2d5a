package com.outsidein.journeys.journey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.common.FieldError;
import com.outsidein.journeys.common.Precondition;
import com.outsidein.journeys.common.ProblemException;
import com.outsidein.journeys.common.Slug;

/** Journey documents: every write validates the whole resulting document and bumps its version once. */
@ApplicationScoped
public class JourneyService {

    /** A written document and whether the write created the journey. */
    public record Saved(JourneyDocument document, boolean created) {
    }

    @Inject
    JourneyRepository repository;
    @Inject
    JourneyValidator validator;

    @Transactional
    public Optional<JourneyDocument> find(long teamId, String key) {
        return repository.findByKey(teamId, key).map(repository::load);
    }

    @Transactional
    public JourneyDocument get(long teamId, String key) {
        return find(teamId, key).orElseThrow(() -> notFound(key));
    }

    @Transactional
    public JourneyPage list(long teamId, String cursor, int limit) {
        List<JourneyEntity> rows = repository.page(teamId, cursor, limit + 1);
        boolean more = rows.size() > limit;
        List<JourneyEntity> page = more ? rows.subList(0, limit) : rows;
        Map<Long, Long> steps = repository.stepCounts(page.stream().map(j -> j.id).toList());
        List<JourneySummary> items = page.stream().map(j -> new JourneySummary(j.key, j.name, j.segment,
                steps.getOrDefault(j.id, 0L).intValue(), j.version, j.updatedAt)).toList();
        return new JourneyPage(items, more ? page.get(page.size() - 1).key : null);
    }

    /** Creates or replaces a whole document; an unchanged document keeps its version (idempotent PUT). */
    @Transactional
    public Saved put(long teamId, String key, JourneyDocument doc, Precondition precondition) {
        requireSlug(key);
        validator.checkFields(doc, "journey");
        if (doc.key() != null && !doc.key().equals(key)) {
            throw ProblemException.invalid("key", "must equal the key in the path ('" + key + "')");
        }
        Optional<JourneyEntity> existing = repository.findByKeyForUpdate(teamId, key);
        if (existing.isEmpty()) {
            repository.lockTeam(teamId);
            existing = repository.findByKeyForUpdate(teamId, key);
        }
        precondition.withBodyVersion(doc.version()).check(existing.map(j -> j.version).orElse(null));
        JourneyDocument normalized = doc.withIdentity(key, null);
        validator.check(normalized);
        return write(teamId, key, existing, existing.map(repository::load).orElse(null), normalized);
    }

    /**
     * Applies an edit to an existing journey's document and saves the result. An edit that removes
     * something still referenced elsewhere answers 409 naming the references.
     */
    @Transactional
    public JourneyDocument edit(long teamId, String key, Precondition precondition, EditKind kind,
            UnaryOperator<JourneyDocument> edit) {
        JourneyEntity journey = repository.findByKeyForUpdate(teamId, key).orElseThrow(() -> notFound(key));
        precondition.check(journey.version);
        JourneyDocument current = repository.load(journey).withIdentity(key, null);
        JourneyDocument changed = edit.apply(current).withIdentity(key, null);
        try {
            validator.check(changed);
        } catch (ProblemException e) {
            if (kind == EditKind.REMOVAL && e.status() == 422) {
                throw ProblemException.conflict("Still referenced: remove or change the references first",
                        e.errors());
            }
            throw e;
        }
        return write(teamId, key, Optional.of(journey), current, changed).document();
    }

    @Transactional
    public void delete(long teamId, String key, Precondition precondition) {
        JourneyEntity journey = repository.findByKeyForUpdate(teamId, key).orElseThrow(() -> notFound(key));
        precondition.check(journey.version);
        repository.delete(journey);
    }

    private Saved write(long teamId, String key, Optional<JourneyEntity> existing, JourneyDocument current,
            JourneyDocument normalized) {
        if (current != null && current.withIdentity(key, null).equals(normalized)) {
            return new Saved(current.withIdentity(key, existing.get().version), false);
        }
        long version = repository.nextVersion();
        repository.save(existing.orElseGet(() -> repository.create(teamId, key)), normalized, version);
        return new Saved(normalized.withIdentity(key, version), existing.isEmpty());
    }

    static void requireSlug(String key) {
        if (!Slug.isValid(key)) {
            throw ProblemException.badRequest("Invalid key '" + key + "' in the path",
                    List.of(new FieldError("key", Slug.MESSAGE)));
        }
    }

    static ProblemException notFound(String key) {
        return ProblemException.notFound("No journey '" + key + "'");
    }

    /** Whether an edit removes something (a failed reference check is then a conflict, not bad input). */
    public enum EditKind {
        CHANGE, REMOVAL
    }
}
