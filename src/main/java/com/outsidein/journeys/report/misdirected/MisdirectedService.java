package com.outsidein.journeys.report.misdirected;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.outsidein.journeys.progress.PackedArrays;
import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.report.ProgressStore;
import com.outsidein.journeys.report.TopK;

/** The misdirected-touch report: one pass over per-prospect progress, like the other live reports. */
@ApplicationScoped
public class MisdirectedService {

    @Inject
    JourneyRepository journeys;
    @Inject
    ProgressStore progress;

    @Transactional
    public MisdirectedReport misdirected(long teamId, String journeyKey, Instant from, Instant to) {
        JourneyEntity journey = journeys.requireByKey(teamId, journeyKey);
        JourneyDocument doc = journeys.load(journey);
        try {
            ElementRefs refs = progress.refs(journey.id);
            AudienceRules rules = new AudienceRules(doc, refs.of(ElementKind.STEP), refs.of(ElementKind.ACTION), refs.of(ElementKind.TOUCHPOINT));
            int attributes = rules.attributes.size();
            // Only the columns the rules read travel: steps and actions only when a rule looks at them.
            // The row id, not the external id: most rows are read for counting; the few examples get their names after.
            StringBuilder columns = new StringBuilder("id, touches, ")
                    .append(rules.usesSteps ? "entries" : "null::bigint[]").append(", ")
                    .append(rules.usesActions ? "actions" : "null::bigint[]").append(", opt_outs");
            for (int i = 0; i < attributes; i++) {
                columns.append(", attributes ->> ?");
            }
            long start = from.getEpochSecond();
            long end = to.getEpochSecond();
            ProgressStore.Scanned<MisdirectionTally> scanned = progress.scan(journey.id, columns.toString(), rules.attributes,
                    "cardinality(touches) > 0", () -> new MisdirectionTally(rules), (tally, row) -> {
                        String[] values = new String[attributes];
                        for (int i = 0; i < attributes; i++) {
                            values[i] = row.getString(6 + i);
                        }
                        tally.add(row.getLong(1), PackedArrays.arrayAt(row, 2), PackedArrays.arrayAt(row, 3),
                                PackedArrays.arrayAt(row, 4), PackedArrays.arrayAt(row, 5), values, start, end);
                    });
            List<MisdirectionTally> partitions = scanned.partitions();
            MisdirectionTally total = partitions.get(0);
            partitions.subList(1, partitions.size()).forEach(total::merge);
            List<List<MisdirectionTally.Found>> found = new ArrayList<>();
            for (AudienceRules.Touch touch : rules.inOrder) {
                found.add(TopK.merge(partitions.stream().map(p -> p.examples[touch.row()]).toList()).sorted());
            }
            Map<Long, String> names = progress.externalIds(found.stream().flatMap(List::stream)
                    .map(MisdirectionTally.Found::prospectId).distinct().toList());
            List<MisdirectedReport.TouchpointMisdirection> rows = new ArrayList<>();
            for (AudienceRules.Touch touch : rules.inOrder) {
                int row = touch.row();
                List<MisdirectedReport.RuleCount> perRule = new ArrayList<>();
                for (int r = 0; r < touch.rules().size(); r++) {
                    var source = touch.rules().get(r).source();
                    perRule.add(new MisdirectedReport.RuleCount(source.label(), source.note(), total.perRule[row][r]));
                }
                List<MisdirectedReport.Example> examples = found.get(row).stream().map(f -> new MisdirectedReport.Example(
                        names.get(f.prospectId()), Instant.ofEpochSecond(f.deliveredAt()), f.rule())).toList();
                var t = touch.touchpoint();
                rows.add(new MisdirectedReport.TouchpointMisdirection(t.key(), t.name(), touch.step().key(),
                        t.channel().name(), t.owner() == null || t.owner().isBlank() ? null : t.owner(),
                        total.delivered[row], total.misdirected[row], perRule, total.optedOut[row], examples));
            }
            return new MisdirectedReport(journey.key, from, to, scanned.dataThrough(), rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
