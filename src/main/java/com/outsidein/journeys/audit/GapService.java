package com.outsidein.journeys.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.journey.JourneyValidator;

/** The design audit of a journey, with the team's acknowledgements applied. */
@ApplicationScoped
public class GapService {

    /** An acknowledgement as stored, whether this request created it, and the journey's version. */
    public record Acknowledged(Acknowledgement acknowledgement, boolean created, long version) {
    }

    @Inject
    JourneyRepository journeys;
    @Inject
    com.outsidein.journeys.journey.JourneyService journeyService;
    @Inject
    JourneyValidator validator;
    @Inject
    com.outsidein.journeys.http.Preconditions preconditions;
    @Inject
    com.outsidein.journeys.format.AppClock clock;

    @Transactional
    public GapReport report(long teamId, String journeyKey) {
        JourneyEntity journey = journey(teamId, journeyKey);
        return report(journey, journeys.load(journey));
    }

    @Transactional
    public String map(long teamId, String journeyKey) {
        JourneyEntity journey = journey(teamId, journeyKey);
        JourneyDocument doc = journeys.load(journey);
        return JourneyMapRenderer.render(doc, report(journey, doc));
    }

    /**
     * The gap report a proposed document would have, against the stored version: the same validation as a
     * PUT, acknowledgements applied as they would be, and which gap ids are new or resolved. Stores nothing.
     */
    @Transactional
    public GapPreview preview(long teamId, String journeyKey, JourneyDocument proposal) {
        JourneyDocument proposed = journeyService.validateProposal(journeyKey, proposal);
        java.util.Optional<JourneyEntity> stored = journeys.findByKey(teamId, journeyKey);
        // The report's own version field is not answered: the preview names the stored version it compares with.
        GapReport report = report(journeyKey, stored.map(j -> j.version).orElse(0L), stored.map(j -> j.id).orElse(null), proposed);
        java.util.Set<String> before = stored.map(j -> GapAuditor.audit(journeys.load(j)).stream()
                .map(f -> f.gap().id()).collect(Collectors.toCollection(java.util.LinkedHashSet::new)))
                .orElseGet(java.util.LinkedHashSet::new);
        List<String> after = java.util.stream.Stream.concat(report.gaps().stream(), report.acknowledged().stream())
                .map(Gap::id).toList();
        return new GapPreview(journeyKey, stored.map(j -> j.version).orElse(null), report.summary(), report.gaps(),
                report.acknowledged(), after.stream().filter(id -> !before.contains(id)).toList(),
                before.stream().filter(id -> !after.contains(id)).toList());
    }

    private GapReport report(JourneyEntity journey, JourneyDocument doc) {
        return report(journey.key, journey.version, journey.id, doc);
    }

    private GapReport report(String journeyKey, long version, Long journeyId, JourneyDocument doc) {
        Map<String, AcknowledgementEntity> acks = journeyId == null ? Map.of() : AcknowledgementEntity
                .<AcknowledgementEntity>list("journeyId", journeyId).stream()
                .collect(Collectors.toMap(a -> a.gapId, Function.identity()));
        List<Gap> open = new ArrayList<>();
        List<Gap> acknowledged = new ArrayList<>();
        for (GapAuditor.Finding finding : GapAuditor.audit(doc)) {
            AcknowledgementEntity ack = acks.get(finding.gap().id());
            if (ack == null) {
                open.add(finding.gap());
            } else if (ack.fingerprint.equals(finding.fingerprint())) {
                acknowledged.add(finding.gap().withAcknowledgement(view(ack, false)));
            } else {
                open.add(finding.gap().withAcknowledgement(view(ack, true)));
            }
        }
        int high = count(open, Severity.HIGH);
        int medium = count(open, Severity.MEDIUM);
        int low = count(open, Severity.LOW);
        int score = Math.max(0, 100 - 10 * high - 4 * medium - low);
        return new GapReport(journeyKey, version,
                new GapReport.Summary(high, medium, low, acknowledged.size(), score), open, acknowledged);
    }

    /** Records (or replaces) the acknowledgement of a gap the journey has now. */
    @Transactional
    public Acknowledged acknowledge(long teamId, String journeyKey, String gapId, AcknowledgementRequest request) {
        validator.checkFields(request, "acknowledgement");
        JourneyEntity journey = journey(teamId, journeyKey);
        preconditions.check(journey.version);
        GapAuditor.Finding finding = GapAuditor.audit(journeys.load(journey)).stream()
                .filter(f -> f.gap().id().equals(gapId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Journey '" + journeyKey + "' has no gap '" + gapId + "'"));
        OffsetDateTime now = clock.nowUtc();
        String reason = request.reason().strip();
        // One statement, so two requests acknowledging the same gap at once cannot both try to insert it.
        boolean created = (Boolean) AcknowledgementEntity.getEntityManager().createNativeQuery("""
                insert into gap_acknowledgement (journey_id, gap_id, reason, fingerprint, acknowledged_at)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (journey_id, gap_id) do update
                    set reason = excluded.reason, fingerprint = excluded.fingerprint, acknowledged_at = excluded.acknowledged_at
                returning (xmax = 0)""")
                .setParameter(1, journey.id).setParameter(2, gapId).setParameter(3, reason)
                .setParameter(4, finding.fingerprint()).setParameter(5, now)
                .getSingleResult();
        return new Acknowledged(new Acknowledgement(gapId, reason, now, false), created, journey.version);
    }

    /** Withdraws an acknowledgement; answers the journey's version. */
    @Transactional
    public long withdraw(long teamId, String journeyKey, String gapId) {
        JourneyEntity journey = journey(teamId, journeyKey);
        preconditions.check(journey.version);
        if (AcknowledgementEntity.delete("journeyId = ?1 and gapId = ?2", journey.id, gapId) == 0) {
            throw ProblemException.notFound("Gap '" + gapId + "' is not acknowledged");
        }
        return journey.version;
    }

    private JourneyEntity journey(long teamId, String key) {
        return journeys.requireByKey(teamId, key);
    }

    private static Acknowledgement view(AcknowledgementEntity ack, boolean lapsed) {
        return new Acknowledgement(ack.gapId, ack.reason, ack.acknowledgedAt, lapsed);
    }

    private static int count(List<Gap> gaps, Severity severity) {
        return (int) gaps.stream().filter(g -> g.severity() == severity).count();
    }
}
