package com.outsidein.journeys.report.conversion;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.http.Cursors;
import com.outsidein.journeys.progress.PackedArrays;
import com.outsidein.journeys.report.ProgressStore;
import com.outsidein.journeys.report.ReportsConfig;
import com.outsidein.journeys.report.StepSpec;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;

/** Step-conversion reports and their drill-down, computed in one pass over per-prospect progress. */
@ApplicationScoped
public class ConversionService {

    @Inject
    JourneyRepository journeys;
    @Inject
    ProgressStore progress;
    @Inject
    ReportsConfig limits;

    /** Who converted from, or dropped off at, one step. */
    public record ProspectPage(String step, String status, List<ProspectOutcome> items, String nextCursor) {
    }

    /** A prospect in a drill-down, with when it entered the step and when it moved on. */
    public record ProspectOutcome(String prospect, java.time.Instant enteredAt, java.time.Instant convertedAt,
            String convertedTo) {
    }

    @Transactional
    public ConversionReport conversion(long teamId, String journeyKey, ConversionParameters parameters) {
        JourneyEntity journey = journey(teamId, journeyKey);
        JourneyDocument doc = journeys.load(journey);
        try {
            List<StepSpec> steps = progress.steps(journey.id, doc);
            String breakdown = parameters.breakdown();
            ProgressStore.Scanned<ConversionCalculator> scanned = progress.scan(journey.id,
                    "entries, " + (breakdown == null ? "null" : "attributes ->> ?"),
                    breakdown == null ? List.of() : List.of(breakdown), "cardinality(entries) > 0",
                    () -> new ConversionCalculator(steps, parameters, limits.maxFunnels()),
                    (calculator, row) -> calculator.add(PackedArrays.arrayAt(row, 1), row.getString(2)));
            List<ConversionCalculator> partitions = scanned.partitions();
            ConversionCalculator calculator = partitions.get(0);
            partitions.subList(1, partitions.size()).forEach(calculator::merge);
            List<ConversionReport.Funnel> result = calculator.funnels();
            return new ConversionReport(journey.key, parameters, scanned.dataThrough(), result);
        } catch (SQLException e) {
            throw new ReportFailedException(e);
        }
    }

    /** The conversion report drawn as a funnel chart, titled with the journey's name. */
    @Transactional
    public String chart(long teamId, String journeyKey, ConversionParameters parameters) {
        ConversionReport report = conversion(teamId, journeyKey, parameters);
        return FunnelChartRenderer.render(journeys.load(journey(teamId, journeyKey)).name(), report);
    }

    @Transactional
    public ProspectPage prospects(long teamId, String journeyKey, String stepKey, String status,
            ConversionParameters parameters, String cursor, int limit) {
        JourneyEntity journey = journey(teamId, journeyKey);
        JourneyDocument doc = journeys.load(journey);
        int position = -1;
        for (int i = 0; i < doc.steps().size(); i++) {
            if (doc.steps().get(i).key().equals(stepKey)) {
                position = i;
            }
        }
        if (position < 0) {
            throw ProblemException.notFound("No step '" + stepKey + "' in journey '" + journeyKey + "'");
        }
        if (position == doc.steps().size() - 1) {
            throw ProblemException.badRequest("The last step has no next step to convert to",
                    List.of(new FieldError("step", "choose a step before the last one")));
        }
        if (!"converted".equals(status) && !"dropped".equals(status)) {
            throw ProblemException.badRequest("status: must be 'converted' or 'dropped'",
                    List.of(new FieldError("status", "must be 'converted' or 'dropped'")));
        }
        long after = Cursors.number(cursor, 0);
        boolean wantConverted = "converted".equals(status);
        int k = position;
        try {
            ConversionCalculator calculator = new ConversionCalculator(progress.steps(journey.id, doc), parameters);
            List<ProspectOutcome> items = new ArrayList<>();
            long[] lastId = { -1 };
            boolean[] more = { false };
            progress.forEachProspect(journey.id, null, true, after, (id, external, entries, segment) -> {
                long[] times = calculator.chain(entries);
                if (times == null || times[k] == ConversionCalculator.NONE) {
                    return true;
                }
                int next = calculator.next(times, k);
                if ((next >= 0) != wantConverted) {
                    return true;
                }
                if (items.size() == limit) {
                    more[0] = true;
                    return false;
                }
                items.add(new ProspectOutcome(external, java.time.Instant.ofEpochSecond(times[k]),
                        next < 0 ? null : java.time.Instant.ofEpochSecond(times[next]),
                        next < 0 ? null : calculator.steps().get(next).key()));
                lastId[0] = id;
                return true;
            });
            return new ProspectPage(stepKey, status, items, more[0] ? Cursors.of(lastId[0]) : null);
        } catch (SQLException e) {
            throw new ReportFailedException(e);
        }
    }

    private JourneyEntity journey(long teamId, String key) {
        return journeys.requireByKey(teamId, key);
    }

    /** A database failure inside a report; the problem mapper decides between 503 and 500. */
    static final class ReportFailedException extends RuntimeException {
        ReportFailedException(SQLException cause) {
            super(cause);
        }
    }
}
