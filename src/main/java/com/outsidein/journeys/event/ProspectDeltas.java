package com.outsidein.journeys.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;
import com.outsidein.journeys.progress.ProgressEntries;

/**
 * What a batch adds to each prospect: time span, attributes (a later event wins per key) and packed,
 * sorted step entries, actions, touchpoints and opt-outs. Pure: no database, no framework.
 */
final class ProspectDeltas {

    /** One prospect's share of a batch, packed as the merge statement binds it (arrays as PostgreSQL literals). */
    record Delta(long first, long last, String attributes, Long attributesAt, String entries, String actions,
            String touches, String optOuts) {
    }

    private ProspectDeltas() {
    }

    /** Deltas keyed by external id, in external id order. */
    static Map<String, Delta> of(List<ValidEvent> events, ElementRefs refs, Function<Map<String, String>, String> toJson) {
        Map<String, List<ValidEvent>> byProspect = new TreeMap<>();
        events.forEach(e -> byProspect.computeIfAbsent(e.prospect(), k -> new ArrayList<>()).add(e));
        Map<String, Delta> deltas = new LinkedHashMap<>();
        byProspect.forEach((prospect, mine) -> deltas.put(prospect, deltaOf(mine, refs, toJson)));
        return deltas;
    }

    private static Delta deltaOf(List<ValidEvent> mine, ElementRefs refs, Function<Map<String, String>, String> toJson) {
        mine.sort(Comparator.comparingLong(ValidEvent::epochMicros));
        Map<String, String> merged = new LinkedHashMap<>();
        Long mergedAt = null;
        List<Long> entries = new ArrayList<>();
        List<Long> actions = new ArrayList<>();
        List<Long> touches = new ArrayList<>();
        List<Long> optOuts = new ArrayList<>();
        for (ValidEvent e : mine) {
            if (!e.attributes().isEmpty()) {
                merged.putAll(e.attributes());
                mergedAt = e.epochMicros();
            }
            switch (e.type()) {
                case STEP_ENTERED -> entries.add(ProgressEntries.pack(e.epochSecond(), refs.ref(ElementKind.STEP, e.element())));
                case ACTION_PERFORMED -> actions.add(ProgressEntries.packElement(e.epochSecond(),
                        refs.ref(ElementKind.ACTION, e.element())));
                case TOUCHPOINT_DELIVERED -> touches.add(ProgressEntries.packElement(e.epochSecond(),
                        refs.ref(ElementKind.TOUCHPOINT, e.element())));
                case OPTED_OUT -> optOuts.add(ProgressEntries.packElement(e.epochSecond(), ProgressEntries.channelCode(e.element())));
            }
        }
        return new Delta(mine.get(0).epochMicros(), mine.get(mine.size() - 1).epochMicros(),
                merged.isEmpty() ? null : toJson.apply(merged), mergedAt, packed(entries), packed(actions), packed(touches),
                packed(optOuts));
    }

    /** Sorted packed values as a PostgreSQL array literal; same-second events of one kind sort by ref. */
    static String packed(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        StringBuilder out = new StringBuilder("{");
        for (Long v : values) {
            out.append(out.length() == 1 ? "" : ",").append(v);
        }
        return out.append('}').toString();
    }
}
