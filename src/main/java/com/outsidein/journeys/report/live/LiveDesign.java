package com.outsidein.journeys.report.live;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.journey.ActionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.Mode;
import com.outsidein.journeys.journey.StepDocument;
import com.outsidein.journeys.journey.TouchpointDocument;
import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;

/** The current design, indexed by the permanent refs that prospects' packed progress uses. */
public final class LiveDesign {

    /**
     * A buyer action as the response rules need it; {@code answerers} holds the refs of the touchpoints
     * that can answer it (its respondedBy, only the HUMAN ones when it requires a human).
     */
    public record Action(int ref, String key, String name, String step, boolean expectsResponse, long slaSeconds, String sla, BitSet answerers,
            List<String> owners) {
        public boolean answerableBy(int touchRef) {
            return answerers.get(touchRef);
        }

        /** Whether it can be overdue: it expects an answer within an SLA. */
        public boolean hasSla() {
            return expectsResponse && slaSeconds >= 0;
        }
    }

    /** A touchpoint as the response and pressure rules need it. */
    public record Touch(int ref, String key, String step, int stepPosition, boolean human, String owner) {
    }

    /** A step: where it is in the journey, and after how long an idle prospect in it is stale (as the design writes it). */
    record Step(String key, int position, long staleAfterSeconds, String staleAfter) {
    }

    /** Indexed by ref; null where a ref belongs to an element no longer in the design. */
    final Action[] actions = new Action[1 << com.outsidein.journeys.progress.ProgressEntries.ELEMENT_REF_BITS];
    final Touch[] touches = new Touch[1 << com.outsidein.journeys.progress.ProgressEntries.ELEMENT_REF_BITS];
    final Step[] steps = new Step[1 << com.outsidein.journeys.progress.ProgressEntries.REF_BITS];
    final List<String> stepKeys = new ArrayList<>();
    final List<ActionDocument> responseActions = new ArrayList<>();

    /** The design as a journey's refs index it. */
    public static LiveDesign of(JourneyDocument doc, ElementRefs refs) {
        return new LiveDesign(doc, refs.of(ElementKind.STEP), refs.of(ElementKind.ACTION), refs.of(ElementKind.TOUCHPOINT));
    }

    /** The action of this ref, or null when the ref is not in the design (any more). */
    public Action action(int ref) {
        return ref >= 0 && ref < actions.length ? actions[ref] : null;
    }

    /** The touchpoint of this ref, or null. */
    public Touch touch(int ref) {
        return ref >= 0 && ref < touches.length ? touches[ref] : null;
    }

    LiveDesign(JourneyDocument doc, Map<String, Integer> stepRefs, Map<String, Integer> actionRefs,
            Map<String, Integer> touchRefs) {
        Map<String, Touch> touchByKey = new HashMap<>();
        for (int i = 0; i < doc.steps().size(); i++) {
            StepDocument step = doc.steps().get(i);
            stepKeys.add(step.key());
            steps[stepRefs.get(step.key())] = (new Step(step.key(), i,
                    step.staleAfter() == null ? -1 : IsoDurations.parsePositive(step.staleAfter()).orElseThrow().getSeconds(),
                    step.staleAfter()));
            for (TouchpointDocument t : step.touchpoints()) {
                Touch touch = new Touch(touchRefs.get(t.key()), t.key(), step.key(), i, t.mode() == Mode.HUMAN,
                        t.owner() == null || t.owner().isBlank() ? null : t.owner());
                touches[touch.ref()] = touch;
                touchByKey.put(t.key(), touch);
            }
        }
        for (StepDocument step : doc.steps()) {
            for (ActionDocument a : step.actions()) {
                BitSet answerers = new BitSet();
                List<String> owners = new ArrayList<>();
                for (String key : a.respondedBy()) {
                    Touch touch = touchByKey.get(key);
                    // Only a touchpoint that can answer the action owns the answer: a human one when a human is required.
                    if (!a.requiresHuman() || touch.human()) {
                        answerers.set(touch.ref());
                        if (touch.owner() != null && !owners.contains(touch.owner())) {
                            owners.add(touch.owner());
                        }
                    }
                }
                int ref = actionRefs.get(a.key());
                actions[ref] = new Action(ref, a.key(), a.name(), step.key(), a.expectsResponse(),
                        a.responseSla() == null ? -1 : IsoDurations.parsePositive(a.responseSla()).orElseThrow().getSeconds(),
                        a.responseSla(), answerers, owners);
                if (a.expectsResponse()) {
                    responseActions.add(a);
                }
            }
        }
    }
}
