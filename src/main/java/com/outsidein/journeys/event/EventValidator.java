package com.outsidein.journeys.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.outsidein.journeys.format.Rfc3339;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.journey.Channel;

/** Validates a whole batch against the journey's design; every bad item is reported by its index. */
final class EventValidator {

    static final int MAX_BATCH = 10_000;
    static final int MAX_ATTRIBUTES = 50;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private EventValidator() {
    }

    /** The design keys events may name. */
    record Design(Set<String> steps, Set<String> actions, Set<String> touchpoints) {
    }

    /** The events that are valid on their own (in-batch repeats folded), and the errors of the others. */
    record Checked(List<ValidEvent> valid, List<FieldError> errors) {
    }

    /** The 422 listing every bad item of a batch by index, in index order. */
    static ProblemException invalid(List<FieldError> errors) {
        List<FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt((FieldError e) -> index(e.field())).thenComparing(FieldError::field));
        return new ProblemException(422, "invalid-events", "Invalid events", sorted.size() + " problem"
                + (sorted.size() == 1 ? "" : "s") + " in the batch; nothing was stored", sorted);
    }

    private static int index(String field) {
        int end = field.indexOf(']');
        try {
            return field.startsWith("[") && end > 0 ? Integer.parseInt(field.substring(1, end)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Checked check(List<EventRequest> batch, Design design, OffsetDateTime now) {
        if (batch == null) {
            throw ProblemException.badRequest("A JSON array of events is required", List.of());
        }
        if (batch.size() > MAX_BATCH) {
            throw ProblemException.invalid("Batch too large", List.of(new FieldError("",
                    "at most " + MAX_BATCH + " events per batch; this one has " + batch.size())));
        }
        List<FieldError> errors = new ArrayList<>();
        List<ValidEvent> valid = new ArrayList<>(batch.size());
        // Ids are idempotent within their prospect: the same id for another prospect is another event.
        Map<Map.Entry<String, UUID>, ValidEvent> seen = new HashMap<>();
        OffsetDateTime latestAllowed = now.plusDays(1);
        for (int i = 0; i < batch.size(); i++) {
            EventRequest e = batch.get(i);
            String at = "[" + i + "]";
            int before = errors.size();
            if (e == null) {
                errors.add(new FieldError(at, "must be an event object"));
                continue;
            }
            UUID id = null;
            if (e.id() == null || !UUID_TEXT.matcher(e.id()).matches()) {
                errors.add(new FieldError(at + ".id", "must be a UUID"));
            } else {
                id = UUID.fromString(e.id());
            }
            if (e.prospect() == null || e.prospect().isBlank()) {
                errors.add(new FieldError(at + ".prospect", "is required"));
            } else if (e.prospect().length() > 200) {
                errors.add(new FieldError(at + ".prospect", "must be at most 200 characters"));
            }
            EventType type = null;
            try {
                type = e.type() == null ? null : EventType.valueOf(e.type());
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
            if (type == null) {
                errors.add(new FieldError(at + ".type", "must be one of STEP_ENTERED, ACTION_PERFORMED, TOUCHPOINT_DELIVERED, OPTED_OUT"));
            }
            String element = type == null ? null : checkElement(e, type, design, at, errors);
            OffsetDateTime occurredAt = null;
            if (e.occurredAt() == null) {
                errors.add(new FieldError(at + ".occurredAt", "is required"));
            } else {
                try {
                    occurredAt = Rfc3339.parse(e.occurredAt());
                    if (occurredAt.isAfter(latestAllowed)) {
                        errors.add(new FieldError(at + ".occurredAt", "is more than a day in the future"));
                    } else if (occurredAt.toInstant().isBefore(Instant.EPOCH)) {
                        // Progress is packed as epoch seconds; nothing a CRM sends happened before 1970.
                        errors.add(new FieldError(at + ".occurredAt", "must be 1970-01-01T00:00:00Z or later"));
                    }
                } catch (DateTimeParseException bad) {
                    errors.add(new FieldError(at + ".occurredAt", "must be an RFC 3339 time with an offset, e.g. 2026-03-02T09:15:00Z"));
                }
            }
            Map<String, String> attributes = e.attributes() == null ? Map.of() : e.attributes();
            checkAttributes(attributes, at, errors);
            if (errors.size() == before) {
                ValidEvent event = new ValidEvent(i, id, e.prospect(), type, element,
                        occurredAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), attributes);
                ValidEvent twin = seen.putIfAbsent(Map.entry(e.prospect(), id), event);
                if (twin != null && !twin.sameContent(event)) {
                    errors.add(new FieldError(at + ".id", "is used by item " + twin.index() + " with different content"));
                } else if (twin == null) {
                    valid.add(event);
                }
            }
        }
        return new Checked(valid, errors);
    }

    private static String checkElement(EventRequest e, EventType type, Design design, String at, List<FieldError> errors) {
        if (type == EventType.OPTED_OUT) {
            return checkChannel(e, at, errors);
        }
        if (e.channel() != null) {
            errors.add(new FieldError(at + ".channel", "does not apply to " + type + " (only OPTED_OUT has a channel)"));
        }
        String wanted = switch (type) {
            case STEP_ENTERED -> "step";
            case ACTION_PERFORMED -> "action";
            case TOUCHPOINT_DELIVERED -> "touchpoint";
            case OPTED_OUT -> throw new IllegalStateException("checked above");
        };
        String value = switch (type) {
            case STEP_ENTERED -> e.step();
            case ACTION_PERFORMED -> e.action();
            case TOUCHPOINT_DELIVERED -> e.touchpoint();
            case OPTED_OUT -> throw new IllegalStateException("checked above");
        };
        Set<String> known = switch (type) {
            case STEP_ENTERED -> design.steps();
            case ACTION_PERFORMED -> design.actions();
            case TOUCHPOINT_DELIVERED -> design.touchpoints();
            case OPTED_OUT -> throw new IllegalStateException("checked above");
        };
        for (String[] other : new String[][] { { "step", e.step() }, { "action", e.action() }, { "touchpoint", e.touchpoint() } }) {
            if (!other[0].equals(wanted) && other[1] != null) {
                errors.add(new FieldError(at + "." + other[0], "does not apply to " + type + " (use " + wanted + ")"));
            }
        }
        if (value == null) {
            errors.add(new FieldError(at + "." + wanted, "is required for " + type));
            return null;
        }
        if (!known.contains(value)) {
            errors.add(new FieldError(at + "." + wanted, "unknown " + wanted + " '" + value + "'"));
            return null;
        }
        return value;
    }

    /** An opt-out names a channel or none (every channel), never a design element; stored as the channel or "". */
    private static String checkChannel(EventRequest e, String at, List<FieldError> errors) {
        for (String[] other : new String[][] { { "step", e.step() }, { "action", e.action() }, { "touchpoint", e.touchpoint() } }) {
            if (other[1] != null) {
                errors.add(new FieldError(at + "." + other[0], "does not apply to OPTED_OUT (use channel, or none for every channel)"));
            }
        }
        if (e.channel() == null) {
            return "";
        }
        try {
            return Channel.valueOf(e.channel()).name();
        } catch (IllegalArgumentException unknown) {
            errors.add(new FieldError(at + ".channel", "must be one of " + java.util.Arrays.toString(Channel.values())
                    + ", or absent for every channel"));
            return null;
        }
    }

    private static void checkAttributes(Map<String, String> attributes, String at, List<FieldError> errors) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError(at + ".attributes", "at most " + MAX_ATTRIBUTES + " attributes"));
        }
        attributes.forEach((name, value) -> {
            if (name.isBlank() || name.length() > 100) {
                errors.add(new FieldError(at + ".attributes", "attribute names must be 1 to 100 characters"));
            } else if (value == null || value.length() > 1000) {
                errors.add(new FieldError(at + ".attributes." + name, "must be a string of at most 1000 characters"));
            }
        });
    }
}
