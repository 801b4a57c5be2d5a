package com.outsidein.journeys.report.insight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.progress.PackedArrays;
import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;
import com.outsidein.journeys.report.ProgressStore;
import com.outsidein.journeys.report.Rates;
import com.outsidein.journeys.journey.ConditionDocument;
import com.outsidein.journeys.journey.ConditionType;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.journey.TransitionDocument;
import com.outsidein.journeys.report.insight.InsightReports.ConditionEvidence;
import com.outsidein.journeys.report.insight.InsightReports.DataQualityReport;
import com.outsidein.journeys.report.insight.InsightReports.DuplicateGroup;
import com.outsidein.journeys.report.insight.InsightReports.MangledValue;
import com.outsidein.journeys.report.insight.InsightReports.TransitionEvidence;
import com.outsidein.journeys.report.insight.InsightReports.TransitionReport;

/** Which conditions really precede a move, and whether the prospect data can be trusted. */
@ApplicationScoped
public class InsightReportService {

    @Inject
    JourneyRepository journeys;
    @Inject
    ProgressStore progress;
    @Inject
    DataSource dataSource;

    @Transactional
    public TransitionReport transitions(long teamId, String journeyKey, Instant asOf) {
        JourneyEntity journey = journey(teamId, journeyKey);
        JourneyDocument doc = journeys.load(journey);
        try {
            ElementRefs refs = progress.refs(journey.id);
            Map<String, Integer> stepRefs = refs.of(ElementKind.STEP);
            Map<String, Integer> actionRefs = refs.of(ElementKind.ACTION);
            Map<String, Integer> touchRefs = refs.of(ElementKind.TOUCHPOINT);
            List<String> attributeNames = doc.transitions().stream().flatMap(t -> t.conditions().stream())
                    .filter(c -> c.type() == ConditionType.ATTRIBUTE_EQUALS)
                    .map(ConditionDocument::attribute).distinct().toList();
            TransitionTally.CompiledTransition[] plan = doc.transitions().stream()
                    .map(t -> TransitionTally.CompiledTransition.of(t, stepRefs, actionRefs, touchRefs, attributeNames))
                    .toArray(TransitionTally.CompiledTransition[]::new);
            List<TransitionTally> tallies = scan(journey.id, () -> new TransitionTally(plan, asOf.getEpochSecond()),
                    TransitionTally::add, attributeNames);
            TransitionTally total = tallies.get(0);
            tallies.subList(1, tallies.size()).forEach(total::merge);
            List<TransitionEvidence> out = new ArrayList<>();
            for (int i = 0; i < doc.transitions().size(); i++) {
                TransitionDocument t = doc.transitions().get(i);
                TransitionTally.Stints stints = total.byTransition[i];
                List<ConditionEvidence> conditions = new ArrayList<>();
                for (int c = 0; c < t.conditions().size(); c++) {
                    conditions.add(evidence(describe(t.conditions().get(c)), t.conditions().get(c).note(), stints.conditions[c]));
                }
                out.add(new TransitionEvidence(t.from(), t.to(), t.match().name(), stints.inFrom, stints.advanced,
                        t.conditions().isEmpty() ? null : evidence(t.match() + " of the conditions", null,
                                stints.conditions[t.conditions().size()]), conditions));
            }
            return new TransitionReport(journey.key, asOf, out);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Duplicates and inverted casing are found by PostgreSQL over the attributes (one grouping and one
     * regular-expression scan), so only the findings travel, not a million attribute documents.
     */
    @Transactional
    public DataQualityReport dataQuality(long teamId, String journeyKey, int limit) {
        JourneyEntity journey = journey(teamId, journeyKey);
        List<DuplicateGroup> duplicates = new ArrayList<>();
        List<MangledValue> mangled = new ArrayList<>();
        long[] totals = new long[2];
        try (Connection c = dataSource.getConnection()) {
            try (Statement plan = c.createStatement()) {
                // Grouping runs over the identity-key indexes only when the plan sees the real journey.
                plan.execute("set local plan_cache_mode = force_custom_plan");
            }
            // Groups are counted over the (journey, key) indexes alone; the prospects are fetched for the
            // page's groups only, not gathered and sorted for every one of a million keys.
            try (PreparedStatement s = c.prepareStatement("with duplicate as ("
                    + " select 'email' as attribute, email_key as normalized, count(*) as size"
                    + " from prospect where journey_id = ? and email_key is not null group by email_key having count(*) > 1"
                    + " union all"
                    + " select 'name', name_key, count(*)"
                    + " from prospect where journey_id = ? and name_key is not null group by name_key having count(*) > 1"
                    + "), page as (select attribute, normalized, size, count(*) over () as total from duplicate"
                    + " order by size desc, normalized, attribute limit ?)"
                    + " select attribute, normalized, case when attribute = 'email'"
                    + " then array(select external_id from prospect p where p.journey_id = ? and p.email_key = page.normalized order by 1)"
                    + " else array(select external_id from prospect p where p.journey_id = ? and p.name_key = page.normalized order by 1)"
                    + " end, total from page order by size desc, normalized, attribute")) {
                s.setLong(1, journey.id);
                s.setLong(2, journey.id);
                s.setInt(3, limit);
                s.setLong(4, journey.id);
                s.setLong(5, journey.id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        duplicates.add(new DuplicateGroup(rs.getString(1), rs.getString(2),
                                List.of((String[]) rs.getArray(3).getArray())));
                        totals[0] = rs.getLong(4);
                    }
                }
            }
            // The generated flag narrows to candidate rows; the exact test runs on their values only.
            try (PreparedStatement s = c.prepareStatement("select p.external_id, a.key, a.value, count(*) over ()"
                    + " from prospect p cross join lateral jsonb_each_text(p.attributes) a where p.journey_id = ?"
                    + " and p.maybe_mangled and a.value ~ '^[[:lower:]][[:upper:]]+( [[:lower:]][[:upper:]]+)*$'"
                    + " order by p.external_id, a.key limit ?")) {
                s.setLong(1, journey.id);
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        mangled.add(new MangledValue(rs.getString(1), rs.getString(2), rs.getString(3), recase(rs.getString(3))));
                        totals[1] = rs.getLong(4);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DataQualityReport(journey.key, totals[0], duplicates, totals[1], mangled);
    }

    /** "dAVE bROCK" as it was meant: "Dave Brock". */
    private static String recase(String value) {
        StringBuilder fixed = new StringBuilder();
        for (String word : value.trim().split("\\s+")) {
            fixed.append(fixed.length() == 0 ? "" : " ").append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                    .append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return fixed.toString();
    }

    /** One prospect's packed progress and the named attributes (by position), handed to a partition's accumulator. */
    private interface ProspectConsumer<A> {
        void accept(A accumulator, long[] entries, long[] actions, long[] touches, String[] attributes);
    }

    /** Reads progress and only the named attributes, so no attribute document is parsed per prospect. */
    private <A> List<A> scan(long journeyId, java.util.function.Supplier<A> accumulator, ProspectConsumer<A> consumer,
            List<String> attributeNames) throws SQLException {
        StringBuilder columns = new StringBuilder("entries, actions, touches");
        attributeNames.forEach(name -> columns.append(", attributes ->> ?"));
        return progress.scan(journeyId, columns.toString(), attributeNames, null, accumulator, (mine, row) -> {
            String[] attributes = new String[attributeNames.size()];
            for (int i = 0; i < attributes.length; i++) {
                attributes[i] = row.getString(4 + i);
            }
            consumer.accept(mine, PackedArrays.arrayAt(row, 1), PackedArrays.arrayAt(row, 2), PackedArrays.arrayAt(row, 3),
                    attributes);
        }).partitions();
    }






    private static ConditionEvidence evidence(String condition, String note, TransitionTally.Evidence c) {
        Double metRate = c.met == 0 ? null : Rates.round((double) c.metAdvanced / c.met);
        Double notMetRate = c.notMet == 0 ? null : Rates.round((double) c.notMetAdvanced / c.notMet);
        Double lift = c.met == 0 || c.notMet == 0 || c.notMetAdvanced == 0 ? null
                : Rates.round(((double) c.metAdvanced / c.met) / ((double) c.notMetAdvanced / c.notMet));
        return new ConditionEvidence(condition, note, c.met, c.notMet, metRate, notMetRate, lift);
    }

    private static String describe(ConditionDocument c) {
        return switch (c.type()) {
            case ACTION_PERFORMED -> "ACTION_PERFORMED " + c.action() + (c.minCount() == null ? "" : " x" + c.minCount());
            case TOUCHPOINT_RECEIVED -> "TOUCHPOINT_RECEIVED " + c.touchpoint();
            case ATTRIBUTE_EQUALS -> "ATTRIBUTE_EQUALS " + c.attribute() + "=" + c.value();
            case TIME_IN_STEP_AT_LEAST -> "TIME_IN_STEP_AT_LEAST " + c.duration();
        };
    }

    private JourneyEntity journey(long teamId, String key) {
        return journeys.requireByKey(teamId, key);
    }
}
