package com.outsidein.journeys.report.misdirected;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.outsidein.journeys.progress.ProgressEntries;
import com.outsidein.journeys.journey.ExclusionDocument;
import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.journey.StepDocument;
import com.outsidein.journeys.journey.TouchpointDocument;

/**
 * The design's exclusion rules indexed by the permanent refs that prospects' packed progress uses, and
 * the attribute names they read (each becomes one column of the scan).
 */
final class AudienceRules {

    /** One rule, resolved: the attribute column it reads, or the step or action ref whose earlier presence it checks. */
    record Rule(ExclusionDocument source, int attributeColumn, Set<String> values, int stepRef, int actionRef) {
    }

    /** A touchpoint as the report needs it: its row in the report, its opt-out channel code and its rules. */
    record Touch(int row, int channelCode, StepDocument step, TouchpointDocument touchpoint, List<Rule> rules) {
    }

    final Touch[] touches = new Touch[1 << ProgressEntries.ELEMENT_REF_BITS];
    final List<Touch> inOrder = new ArrayList<>();
    final List<String> attributes = new ArrayList<>();
    boolean usesSteps;
    boolean usesActions;

    AudienceRules(JourneyDocument doc, Map<String, Integer> stepRefs, Map<String, Integer> actionRefs,
            Map<String, Integer> touchRefs) {
        for (StepDocument step : doc.steps()) {
            for (TouchpointDocument t : step.touchpoints()) {
                List<Rule> rules = new ArrayList<>();
                for (ExclusionDocument rule : t.excludes()) {
                    switch (rule.type()) {
                        case ATTRIBUTE_IN -> {
                            int column = attributes.indexOf(rule.attribute());
                            if (column < 0) {
                                attributes.add(rule.attribute());
                                column = attributes.size() - 1;
                            }
                            rules.add(new Rule(rule, column, Set.copyOf(rule.values()), -1, -1));
                        }
                        case REACHED_STEP -> {
                            usesSteps = true;
                            rules.add(new Rule(rule, -1, Set.of(), stepRefs.get(rule.step()), -1));
                        }
                        case ACTION_PERFORMED -> {
                            usesActions = true;
                            rules.add(new Rule(rule, -1, Set.of(), -1, actionRefs.get(rule.action())));
                        }
                    }
                }
                Touch touch = new Touch(inOrder.size(), ProgressEntries.channelCode(t.channel().name()), step, t,
                        List.copyOf(rules));
                touches[touchRefs.get(t.key())] = touch;
                inOrder.add(touch);
            }
        }
    }
}
