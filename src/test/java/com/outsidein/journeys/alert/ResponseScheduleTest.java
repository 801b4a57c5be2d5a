package com.outsidein.journeys.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When a waiting action's alerts fall due, and whom they concern: plain JUnit, no Quarkus. */
class ResponseScheduleTest {

    private static final Instant DUE = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofDays(7);
    private static final ResponseSchedule.Target WARNED = new ResponseSchedule.Target("warned", true, true, false, Duration.ofHours(2));
    private static final ResponseSchedule.Target LATE_ONLY = new ResponseSchedule.Target("late-only", false, true, true, null);

    private static List<ResponseSchedule.Send> sends(String... idAndType) {
        List<ResponseSchedule.Send> sends = new java.util.ArrayList<>();
        for (int i = 0; i < idAndType.length; i += 2) {
            sends.add(new ResponseSchedule.Send(idAndType[i], AlertType.of(idAndType[i + 1]).orElseThrow()));
        }
        return sends;
    }

    @Test
    void beforeAnyWarningNothingIsSentAndTheNextLookIsTheEarliestWarning() {
        var decision = ResponseSchedule.decide(DUE, DUE.minusSeconds(3 * 3600), MAX_AGE, List.of(WARNED, LATE_ONLY));
        assertEquals(List.of(), decision.now());
        assertEquals(DUE.minusSeconds(2 * 3600), decision.nextAt());
    }

    @Test
    void insideTheWarningWindowTheWarningGoesAndTheNextLookIsOneSecondPastDue() {
        var decision = ResponseSchedule.decide(DUE, DUE.minusSeconds(3600), MAX_AGE, List.of(WARNED, LATE_ONLY));
        assertEquals(sends("warned", "response.due_soon"), decision.now());
        assertEquals(DUE.plusSeconds(1), decision.nextAt());
    }

    @Test
    void atTheDueMomentItIsNotOverdueYetAsTheReportsOverdueSecondsIsZero() {
        var decision = ResponseSchedule.decide(DUE, DUE, MAX_AGE, List.of(LATE_ONLY));
        assertEquals(List.of(), decision.now());
        assertEquals(DUE.plusSeconds(1), decision.nextAt());
    }

    @Test
    void pastDueTheOverdueGoesToThoseWhoWantItAndNoWarningAnyMore() {
        var decision = ResponseSchedule.decide(DUE, DUE.plusSeconds(1), MAX_AGE, List.of(WARNED, LATE_ONLY));
        assertEquals(sends("warned", "response.overdue", "late-only", "response.overdue"), decision.now());
        assertNull(decision.nextAt());
        assertFalse(decision.tooOld());
    }

    @Test
    void pastTheMaxAgeNobodyIsTold() {
        var decision = ResponseSchedule.decide(DUE, DUE.plus(MAX_AGE).plusSeconds(1), MAX_AGE, List.of(LATE_ONLY));
        assertEquals(List.of(), decision.now());
        assertTrue(decision.tooOld());
        assertFalse(ResponseSchedule.decide(DUE, DUE.plus(MAX_AGE), MAX_AGE, List.of(LATE_ONLY)).tooOld());
    }

    @Test
    void anArrivingActionIsFirstLookedAtItsEarliestWarningOrAtOnceWhenAlreadyOverdueButNotWhenTooOld() {
        Duration warn = Duration.ofHours(2);
        assertEquals(new ResponseSchedule.FirstLook(false, DUE.minus(warn)),
                ResponseSchedule.firstLook(DUE, DUE.minusSeconds(3 * 3600), MAX_AGE, warn).orElseThrow());
        // Inside the warning window: the next sweep, not the ingest's transaction.
        Instant inWindow = DUE.minusSeconds(3600);
        assertEquals(new ResponseSchedule.FirstLook(false, inWindow), ResponseSchedule.firstLook(DUE, inWindow, MAX_AGE, warn).orElseThrow());
        assertEquals(new ResponseSchedule.FirstLook(false, DUE.plusSeconds(1)),
                ResponseSchedule.firstLook(DUE, DUE.minusSeconds(3600), MAX_AGE, Duration.ZERO).orElseThrow());
        Instant late = DUE.plusSeconds(86_400);
        assertEquals(new ResponseSchedule.FirstLook(true, late), ResponseSchedule.firstLook(DUE, late, MAX_AGE, warn).orElseThrow());
        assertTrue(ResponseSchedule.firstLook(DUE, DUE.plus(MAX_AGE).plusSeconds(1), MAX_AGE, warn).isEmpty());
    }

    @Test
    void targetsFollowEachSubscriptionsJourneyAndOwnerFiltersAndSkipPausedOnes() {
        SubscriptionView all = view("all", true, List.of(), List.of());
        SubscriptionView thisJourney = view("this-journey", true, List.of("risk"), List.of());
        SubscriptionView otherJourney = view("other-journey", true, List.of("other"), List.of());
        SubscriptionView insideSales = view("inside-sales", true, List.of(), List.of("Inside sales"));
        SubscriptionView marketing = view("marketing", true, List.of(), List.of("Marketing"));
        SubscriptionView paused = view("paused", false, List.of(), List.of());
        List<String> ids = ResponseSchedule.targets(List.of(all, thisJourney, otherJourney, insideSales, marketing, paused), "risk",
                List.of("Inside sales", "Account executives")).stream().map(ResponseSchedule.Target::subscriptionId).toList();
        assertEquals(List.of("all", "this-journey", "inside-sales"), ids);
        // An action nobody owns concerns only subscriptions without an owner filter.
        assertEquals(List.of("all"), ResponseSchedule.targets(List.of(all, insideSales), "risk", List.of()).stream()
                .map(ResponseSchedule.Target::subscriptionId).toList());
    }

    private static SubscriptionView view(String id, boolean enabled, List<String> journeys, List<String> owners) {
        return new SubscriptionView(id, "https://example.com", null, List.of("response.overdue"), journeys, owners, null, "standard",
                enabled, null, null, null, null, null, null, null);
    }
}
