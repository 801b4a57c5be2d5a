package com.outsidein.journeys.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.outsidein.journeys.problem.FieldError;

/** Batch validation without Quarkus or a database: every bad item named by index, repeats folded per prospect. */
class EventValidatorTest {

    private static final EventValidator.Design DESIGN = new EventValidator.Design(Set.of("a", "b"), Set.of("asks"), Set.of("call"));
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-01T00:00:00Z");
    private static final String ID = "5f0c6c1e-3b8e-4c8e-9d1a-2f7d6a1b9e10";

    private static EventRequest entered(String id, String prospect, String step, String at) {
        return new EventRequest(id, prospect, "STEP_ENTERED", step, null, null, null, at, null);
    }

    @Test
    void repeatsFoldWithinAProspectAndAnIdMayServeAnotherProspect() {
        EventValidator.Checked checked = EventValidator.check(List.of(
                entered(ID, "ann", "a", "2026-02-01T10:00:00Z"),
                entered(ID, "ann", "a", "2026-02-01T11:00:00+01:00"), // the same instant written another way: a repeat
                entered(ID, "bo", "a", "2026-02-01T10:00:00Z")), DESIGN, NOW);
        assertEquals(List.of(), checked.errors());
        assertEquals(List.of("ann", "bo"), checked.valid().stream().map(ValidEvent::prospect).toList());
        assertEquals(List.of(0, 2), checked.valid().stream().map(ValidEvent::index).toList());
    }

    @Test
    void theSameProspectAndIdWithOtherContentIsNamed() {
        EventValidator.Checked checked = EventValidator.check(List.of(
                entered(ID, "ann", "a", "2026-02-01T10:00:00Z"),
                entered(ID, "ann", "b", "2026-02-01T10:00:00Z")), DESIGN, NOW);
        assertEquals(List.of(new FieldError("[1].id", "is used by item 0 with different content")), checked.errors());
    }

    @Test
    void everyBadItemIsNamedByIndexAndField() {
        EventValidator.Checked checked = EventValidator.check(List.of(
                entered("not-a-uuid", "ann", "a", "2026-02-01T10:00:00Z"),
                entered(ID, "", "a", "2026-02-01T10:00:00Z"),
                entered(ID, "cy", "nowhere", "2026-02-01T10:00:00Z"),
                entered(ID, "dee", "a", "2026-03-03T00:00:00Z"),
                entered(ID, "eve", "a", "1969-12-31T23:59:59Z"),
                new EventRequest(ID, "fay", "OPTED_OUT", null, null, null, "PIGEON", "2026-02-01T10:00:00Z", null),
                new EventRequest(ID, "gus", "ACTION_PERFORMED", "a", null, null, null, "2026-02-01T10:00:00Z", null)), DESIGN, NOW);
        List<String> fields = EventValidator.invalid(checked.errors()).errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("[0].id", "[1].prospect", "[2].step", "[3].occurredAt", "[4].occurredAt", "[5].channel",
                "[6].action", "[6].step"), fields);
        assertEquals(List.of(), checked.valid());
        assertEquals("unknown step 'nowhere'", checked.errors().stream().filter(e -> e.field().equals("[2].step"))
                .findFirst().orElseThrow().message());
    }
}
