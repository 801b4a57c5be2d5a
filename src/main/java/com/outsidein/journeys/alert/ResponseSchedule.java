package com.outsidein.journeys.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.outsidein.journeys.format.IsoDurations;

/**
 * When a waiting action's alerts fall due, decided the same way at ingest and by the sweep. Pure: no clock, no
 * database. An action is overdue once a whole second has passed its due moment, as the open-responses report's
 * {@code overdueSeconds} turns positive; it is warned about ({@code response.due_soon}) once a subscription's
 * {@code warnBefore} is all that is left, and only while it can still be answered in time.
 */
final class ResponseSchedule {

    /** A subscription the action concerns, with what it wants to hear. */
    record Target(String subscriptionId, boolean dueSoon, boolean overdue, boolean resolved, Duration warnBefore) {
    }

    /** A message to write now. */
    record Send(String subscriptionId, AlertType type) {
    }

    /** What to send now, and when to look again (null: never; the action is past due). */
    record Decision(List<Send> now, Instant nextAt, boolean tooOld) {
    }

    private ResponseSchedule() {
    }

    /**
     * The enabled subscriptions an action concerns: those without a journey filter or naming its journey, and
     * without an owner filter or naming one of the action's owners (as the open-responses report names them).
     */
    static List<Target> targets(List<SubscriptionView> subscriptions, String journey, List<String> owners) {
        List<Target> targets = new ArrayList<>();
        for (SubscriptionView s : subscriptions) {
            if (!s.enabled() || (!s.journeys().isEmpty() && !s.journeys().contains(journey))
                    || (!s.owners().isEmpty() && s.owners().stream().noneMatch(owners::contains))) {
                continue;
            }
            targets.add(new Target(s.id(), s.types().contains(AlertType.RESPONSE_DUE_SOON.wire()),
                    s.types().contains(AlertType.RESPONSE_OVERDUE.wire()), s.types().contains(AlertType.RESPONSE_RESOLVED.wire()),
                    s.warnBefore() == null ? null : IsoDurations.parsePositive(s.warnBefore()).orElse(null)));
        }
        return targets;
    }

    static Instant overdueAt(Instant due) {
        return due.plusSeconds(1);
    }

    /** Past due for longer than the max age: history, not a ball still in the air. */
    static boolean tooOld(Instant due, Instant now, Duration maxAge) {
        return due.isBefore(now.minus(maxAge));
    }

    /** When a prospect must first be looked at for an action just arrived: now, in the ingest's transaction, or at a moment. */
    record FirstLook(boolean inIngest, Instant at) {
    }

    /**
     * An action that arrived already overdue is looked at in the ingest's own transaction; any other at its earliest
     * warning or a second past its due time (not before now); empty when it is too old to alert anyone.
     */
    static Optional<FirstLook> firstLook(Instant due, Instant now, Duration maxAge, Duration earliestWarning) {
        Instant overdueAt = overdueAt(due);
        if (!overdueAt.isAfter(now)) {
            return tooOld(due, now, maxAge) ? Optional.empty() : Optional.of(new FirstLook(true, now));
        }
        // Without a warning the first moment is the overdue one, not the due time a second before it (a look for nothing).
        Instant first = earliestWarning.isZero() ? overdueAt : due.minus(earliestWarning);
        return Optional.of(new FirstLook(false, first.isBefore(now) ? now : first));
    }

    /**
     * @param maxAge an action past due longer than this alerts nobody ({@code tooOld}): it is history, not a
     *        ball still in the air
     */
    static Decision decide(Instant due, Instant now, Duration maxAge, List<Target> targets) {
        List<Send> sends = new ArrayList<>();
        if (!now.isBefore(overdueAt(due))) {
            boolean tooOld = tooOld(due, now, maxAge);
            if (!tooOld) {
                targets.stream().filter(Target::overdue).forEach(t -> sends.add(new Send(t.subscriptionId(), AlertType.RESPONSE_OVERDUE)));
            }
            return new Decision(sends, null, tooOld);
        }
        Instant next = overdueAt(due);
        for (Target target : targets) {
            if (!target.dueSoon() || target.warnBefore() == null) {
                continue;
            }
            Instant warnAt = due.minus(target.warnBefore());
            if (!now.isBefore(warnAt)) {
                sends.add(new Send(target.subscriptionId(), AlertType.RESPONSE_DUE_SOON));
            } else if (warnAt.isBefore(next)) {
                next = warnAt;
            }
        }
        return new Decision(sends, next, false);
    }
}
