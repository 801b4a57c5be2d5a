package com.outsidein.journeys.journey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.http.Preconditions;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.format.Slug;
import com.outsidein.journeys.security.Caller;

/** Journey documents: every write validates the whole resulting document and bumps its version once. */
@ApplicationScoped
public class JourneyService {

    @Inject
    jakarta.enterprise.event.Event<JourneyWritten> written;

    /** A written document and whether the write created the journey. */
    public record Saved(JourneyDocument document, boolean created) {
    }

    @Inject
    JourneyRepository repository;
    @Inject
    JourneyValidator validator;
    @Inject
    Preconditions preconditions;

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

    /** A proposed whole document checked exactly as a PUT would check it, and normalised; nothing is written. */
    public JourneyDocument validateProposal(String key, JourneyDocument doc) {
        requireSlug(key);
        validator.checkFields(doc, "journey");
        if (doc.key() != null && !doc.key().equals(key)) {
            throw ProblemException.invalid("key", "must equal the key in the path ('" + key + "')");
        }
        JourneyDocument normalized = doc.withIdentity(key, null);
        validator.check(normalized);
        return normalized;
    }

    /** Creates or replaces a whole document; an unchanged document keeps its version (idempotent PUT). */
    @Transactional
    public Saved put(Caller caller, String key, JourneyDocument doc) {
        long teamId = caller.teamId();
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
        Long current = existing.map(j -> j.version).orElse(null);
        preconditions.check(current);
        Preconditions.checkBodyVersion(doc.version(), current);
        JourneyDocument normalized = doc.withIdentity(key, null);
        validator.check(normalized);
        ChangeKind kind = existing.isEmpty() ? ChangeKind.CREATED : ChangeKind.REPLACED;
        return write(caller, key, existing, existing.map(repository::load).orElse(null), normalized,
                () -> JourneyChange.of(kind, null));
    }

    /**
     * Applies an edit to an existing journey's document and saves the result. An edit that removes
     * something still referenced elsewhere answers 409 naming the references.
     */
    @Transactional
    public JourneyDocument edit(Caller caller, String key, UnaryOperator<JourneyDocument> edit,
            Supplier<JourneyChange> change) {
        JourneyEntity journey = repository.findByKeyForUpdate(caller.teamId(), key).orElseThrow(() -> notFound(key));
        preconditions.check(journey.version);
        JourneyDocument current = repository.load(journey).withIdentity(key, null);
        JourneyDocument changed = edit.apply(current).withIdentity(key, null);
        try {
            validator.check(changed);
        } catch (ProblemException e) {
            if (change.get().kind().removal() && e.status() == 422) {
                throw ProblemException.conflict("Still referenced: remove or change the references first",
                        e.errors());
            }
            throw e;
        }
        return write(caller, key, Optional.of(journey), current, changed, change).document();
    }

    @Transactional
    public void delete(Caller caller, String key) {
        JourneyEntity journey = repository.findByKeyForUpdate(caller.teamId(), key).orElseThrow(() -> notFound(key));
        preconditions.check(journey.version);
        repository.delete(journey);
    }

    /** Saves a changed document as a new version and records it in the journey's history; an unchanged one stays as it is. */
    private Saved write(Caller caller, String key, Optional<JourneyEntity> existing, JourneyDocument current,
            JourneyDocument normalized, Supplier<JourneyChange> change) {
        if (current != null && current.withIdentity(key, null).equals(normalized)) {
            return new Saved(current.withIdentity(key, existing.get().version), false);
        }
        long version = repository.nextVersion();
        JourneyEntity saved = repository.save(existing.orElseGet(() -> repository.create(caller.teamId(), key)), normalized,
                version);
        JourneyDocument document = normalized.withIdentity(key, version);
        repository.recordVersion(saved, document, caller.keyId(), caller.keyName(), change.get());
        written.fire(new JourneyWritten(caller, key, version, current, document));
        return new Saved(document, existing.isEmpty());
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
}
