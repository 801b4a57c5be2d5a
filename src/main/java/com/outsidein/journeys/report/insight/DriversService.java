package com.outsidein.journeys.report.insight;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.journey.ConditionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.journey.StepDocument;
import com.outsidein.journeys.journey.TransitionDocument;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;
import com.outsidein.journeys.progress.PackedArrays;
import com.outsidein.journeys.report.ProgressStore;
import com.outsidein.journeys.report.Rates;
import com.outsidein.journeys.report.insight.DriversReport.Driver;

/** What precedes a move from a step to the next: one scan of packed progress, then a 2x2 table per signal. */
@ApplicationScoped
public class DriversService {

    /** At most this many values of one attribute become signals: the most frequent. */
    static final int VALUES_PER_ATTRIBUTE = 20;
    private static final JsonFactory JSON = new JsonFactory();
    private static final MathContext SIGNIFICANT = new MathContext(6);

    @Inject
    JourneyRepository journeys;
    @Inject
    ProgressStore progress;

    /** The effective parameters after parsing and defaults. */
    public record Parameters(String step, Instant from, Instant to, Duration window, int minCount, int limit) {
    }

    public DriversReport drivers(long teamId, String journeyKey, Parameters parameters) {
        JourneyEntity journey = journeys.requireByKey(teamId, journeyKey);
        // After the journey: another team's journey answers 404 whatever the parameters.
        if (parameters.step() == null || parameters.step().isBlank()) {
            throw badStep("is required: the key of the step whose population is measured");
        }
        JourneyDocument doc = journeys.load(journey);
        List<StepDocument> steps = doc.steps();
        int index = indexOf(steps, parameters.step());
        List<String> advanceTo = new ArrayList<>();
        for (int k = index + 1; k < steps.size(); k++) {
            advanceTo.add(steps.get(k).key());
            if (!steps.get(k).optional()) {
                break;
            }
        }
        if (advanceTo.isEmpty()) {
            throw badStep("'" + parameters.step() + "' is the last step: no prospect can move on from it");
        }
        try {
            ElementRefs refs = progress.refs(journey.id);
            Map<String, Integer> stepRefs = refs.of(ElementKind.STEP);
            Set<Integer> advanceRefs = new HashSet<>();
            advanceTo.forEach(key -> advanceRefs.add(stepRefs.get(key)));
            String[] actionKeys = keysByRef(refs.of(ElementKind.ACTION));
            String[] touchKeys = keysByRef(refs.of(ElementKind.TOUCHPOINT));
            DriversTally.Plan plan = new DriversTally.Plan(stepRefs.get(parameters.step()), advanceRefs,
                    parameters.from().getEpochSecond(), parameters.to().getEpochSecond(), parameters.window().getSeconds(),
                    actionKeys.length, touchKeys.length);
            ProgressStore.Scanned<DriversTally> scanned = progress.scan(journey.id, "entries, actions, touches, attributes::text",
                    List.of(), "cardinality(entries) > 0", () -> new DriversTally(plan),
                    (tally, row) -> tally.add(PackedArrays.arrayAt(row, 1), PackedArrays.arrayAt(row, 2),
                            PackedArrays.arrayAt(row, 3), each -> attributes(row, each)));
            DriversTally total = scanned.partitions().get(0);
            scanned.partitions().subList(1, scanned.partitions().size()).forEach(total::merge);
            Set<String> recorded = recordedSignals(doc, parameters.step());
            List<Driver> drivers = new ArrayList<>();
            long population = total.population;
            for (int r = 0; r < actionKeys.length; r++) {
                if (actionKeys[r] != null) {
                    addIfEnough(drivers, "ACTION", actionKeys[r], null, total.actions[r], total, recorded, parameters.minCount());
                }
            }
            for (int r = 0; r < touchKeys.length; r++) {
                if (touchKeys[r] != null) {
                    addIfEnough(drivers, "TOUCHPOINT", touchKeys[r], null, total.touches[r], total, recorded, parameters.minCount());
                }
            }
            for (String name : total.attributes.keySet().stream().sorted().toList()) {
                for (Map.Entry<String, long[]> value : total.topValues(name, VALUES_PER_ATTRIBUTE)) {
                    addIfEnough(drivers, "ATTRIBUTE", name, value.getKey(), value.getValue(), total, recorded, parameters.minCount());
                }
            }
            drivers.sort(Comparator.comparingDouble(Driver::pValue)
                    .thenComparing(Comparator.comparingDouble(DriversService::sortingLift).reversed())
                    .thenComparing(Driver::kind).thenComparing(Driver::key)
                    .thenComparing(Driver::value, Comparator.nullsFirst(Comparator.naturalOrder())));
            return new DriversReport(journey.key, parameters.step(), advanceTo, parameters.from(), parameters.to(),
                    IsoDurations.format(parameters.window()), parameters.minCount(), parameters.limit(), population,
                    total.advanced, population == 0 ? null : Rates.round((double) total.advanced / population), "current",
                    List.copyOf(total.overValueCap), drivers.size(),
                    drivers.subList(0, Math.min(parameters.limit(), drivers.size())), scanned.dataThrough());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(List<StepDocument> steps, String key) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).key().equals(key)) {
                return i;
            }
        }
        throw badStep("no step '" + key + "' in this journey");
    }

    /** A bad report parameter, as every report answers one: 400 naming it (the conversion drill-down's last step likewise). */
    private static ProblemException badStep(String message) {
        return ProblemException.badRequest("step: " + message, List.of(new com.outsidein.journeys.problem.FieldError("step", message)));
    }

    /** Element keys indexed by ref; null where a ref is no longer in the design (its events stay in progress). */
    private static String[] keysByRef(Map<String, Integer> refs) {
        int size = refs.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        String[] keys = new String[size];
        refs.forEach((key, ref) -> keys[ref] = key);
        return keys;
    }

    /** The conditions of the transitions from the step, as signal ids: "ACTION key", "TOUCHPOINT key", "ATTRIBUTE name=value". */
    static Set<String> recordedSignals(JourneyDocument doc, String step) {
        Set<String> recorded = new HashSet<>();
        for (TransitionDocument t : doc.transitions()) {
            if (!t.from().equals(step)) {
                continue;
            }
            for (ConditionDocument c : t.conditions()) {
                switch (c.type()) {
                    case ACTION_PERFORMED -> recorded.add(signalId("ACTION", c.action(), null));
                    case TOUCHPOINT_RECEIVED -> recorded.add(signalId("TOUCHPOINT", c.touchpoint(), null));
                    case ATTRIBUTE_EQUALS -> recorded.add(signalId("ATTRIBUTE", c.attribute(), c.value()));
                    case TIME_IN_STEP_AT_LEAST -> {
                        // time is not a signal a prospect has or lacks
                    }
                }
            }
        }
        return recorded;
    }

    private static String signalId(String kind, String key, String value) {
        return kind + " " + key + (value == null ? "" : "=" + value);
    }

    private static void addIfEnough(List<Driver> drivers, String kind, String key, String value, long[] counts, DriversTally total,
            Set<String> recorded, int minCount) {
        if (counts[0] < minCount) {
            return;
        }
        TwoByTwo table = new TwoByTwo(counts[0], counts[1], total.population - counts[0], total.advanced - counts[1]);
        double[] interval = table.oddsRatioInterval();
        boolean isRecorded = recorded.contains(signalId(kind, key, value));
        drivers.add(new Driver(kind, key, value, table.with(), table.advancedWith(), table.without(), table.advancedWithout(),
                rate(table.rateWith()), rate(table.rateWithout()), rate(table.lift()), significant(table.oddsRatio()),
                significant(interval[0]), significant(interval[1]), significant(table.pValue()), isRecorded,
                verdict(isRecorded, interval)));
    }

    /** Lift for sorting: a signal whose absence never advanced ranks above any lift, one with no rates at all below. */
    static double sortingLift(Driver d) {
        if (d.lift() != null) {
            return d.lift();
        }
        return d.rateWithout() != null && d.rateWithout() == 0 && d.rateWith() != null && d.rateWith() > 0
                ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** From the interval: above 1 the signal goes with advancing, below 1 against it, across 1 the data cannot tell. */
    static String verdict(boolean recorded, double[] interval) {
        if (interval[0] > 1) {
            return recorded ? "SUPPORTED" : "UNRECORDED_DRIVER";
        }
        if (interval[1] < 1) {
            return recorded ? "CONTRADICTED" : "UNRECORDED_BARRIER";
        }
        return recorded ? "UNSUPPORTED" : "NO_EVIDENCE";
    }

    private static Double rate(Double value) {
        return value == null ? null : Rates.round(value);
    }

    /** Six significant digits: odds ratios and p-values span many orders of magnitude, so fixed decimals would lose the small ones. */
    static double significant(double value) {
        return Double.isFinite(value) && value != 0 ? new BigDecimal(value).round(SIGNIFICANT).doubleValue() : value;
    }

    /** Hands each string attribute of the row's document to {@code each}; the bytes go to the parser as they came. */
    private static void attributes(java.sql.ResultSet row, java.util.function.BiConsumer<String, String> each) {
        try {
            attributes(row.getBytes(4), each);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A prospect's attributes (a JSON object of strings) read with Jackson's streaming parser straight from the
     * UTF-8 bytes: no String of the document, no tree, no map per prospect (a million of them per report).
     */
    static void attributes(byte[] json, java.util.function.BiConsumer<String, String> each) {
        if (json == null || json.length <= 2) {
            return;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    each.accept(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable attributes", e);
        }
    }
}
