package com.outsidein.journeys.source;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.outsidein.journeys.database.DeadlockRetry;
import com.outsidein.journeys.event.AttributeUpdate;
import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.event.EventIngestService;
import com.outsidein.journeys.event.EventRequest;
import com.outsidein.journeys.event.IngestResult;
import com.outsidein.journeys.journey.JourneyEntity;
import com.outsidein.journeys.journey.JourneyRepository;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.security.Caller;

/**
 * Turns a source's calls into the events of every journey of the team that maps them, and keeps the traits
 * it sends per person: all in one transaction, so a batch is stored whole or not at all.
 */
@ApplicationScoped
public class SourceService {

    @Inject
    JourneyRepository journeys;
    @Inject
    EventIngestService ingest;
    @Inject
    PersonTraits people;
    @Inject
    AppClock clock;

    /**
     * Matchers by team and the versions of its journeys: a design change gives a journey a new version, so an
     * entry is never stale, on any replica.
     */
    private final Cache<String, SourceMatcher> matchers = Caffeine.newBuilder().maximumSize(1_000).build();

    public SourceAnswer receive(Caller caller, List<SegmentCall> calls) {
        return DeadlockRetry.inNewTransaction("Source batch", () -> store(caller, calls));
    }

    private SourceAnswer store(Caller caller, List<SegmentCall> calls) {
        SourceMatcher matcher = matcher(caller.teamId());
        List<List<SourceMatcher.Hit>> hitsByCall = new ArrayList<>(calls.size());
        Set<String> persons = new LinkedHashSet<>();
        for (SegmentCall call : calls) {
            List<SourceMatcher.Hit> hits = matcher.match(call.type(), call.name(), call.properties());
            hitsByCall.add(hits);
            if (!call.traits().isEmpty() || !hits.isEmpty()) {
                persons.add(call.person());
            }
        }
        Map<String, Map<String, String>> stored = people.read(caller.teamId(), persons);
        Map<String, Map<String, String>> traits = new HashMap<>();
        stored.forEach((person, known) -> traits.put(person, new LinkedHashMap<>(known)));
        Map<String, Map<String, String>> changed = new LinkedHashMap<>();
        Map<String, OffsetDateTime> changedAt = new HashMap<>();
        Map<String, List<EventRequest>> events = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        int ignored = 0;
        int duplicates = 0;
        for (int c = 0; c < calls.size(); c++) {
            SegmentCall call = calls.get(c);
            Map<String, String> news = newTraits(traits.get(call.person()), call.traits());
            if (!news.isEmpty()) {
                // Only what differs: CDPs repeat the same identify on every visit, and a no-op rewrites rows for nothing.
                Map<String, String> merged = traits.computeIfAbsent(call.person(), p -> new LinkedHashMap<>());
                merged.putAll(news);
                if (merged.size() > SegmentCalls.MAX_ATTRIBUTES) {
                    errors.add(new FieldError(field(call, "traits"), "would give " + call.person() + " " + merged.size()
                            + " traits; a person keeps at most " + SegmentCalls.MAX_ATTRIBUTES));
                }
                changed.computeIfAbsent(call.person(), p -> new LinkedHashMap<>()).putAll(news);
                changedAt.merge(call.person(), call.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            List<SourceMatcher.Hit> hits = hitsByCall.get(c);
            if (hits.isEmpty()) {
                ignored += call.isIdentify() ? 0 : 1;
                continue;
            }
            Map<String, String> attributes = Map.copyOf(traits.getOrDefault(call.person(), Map.of()));
            for (SourceMatcher.Hit hit : hits) {
                String id = eventId(call.messageId(), hit).toString();
                if (!seen.add(hit.journey() + "\u0000" + call.person() + "\u0000" + id)) {
                    duplicates++; // the same call twice in one batch
                    continue;
                }
                events.computeIfAbsent(hit.journey(), j -> new ArrayList<>()).add(event(id, call, hit, attributes));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem" + (errors.size() == 1 ? "" : "s")
                    + " in the calls; nothing was stored", errors);
        }
        int accepted = 0;
        for (Map.Entry<String, List<EventRequest>> journey : events.entrySet()) {
            IngestResult result = ingest.ingestFromSource(caller, journey.getKey(), journey.getValue());
            accepted += result.accepted();
            duplicates += result.duplicates();
        }
        ingest.updateAttributes(caller.teamId(), changed.entrySet().stream()
                .map(e -> new AttributeUpdate(e.getKey(), e.getValue(), changedAt.get(e.getKey()))).toList());
        people.merge(caller.teamId(), changed, clock.nowUtc());
        return new SourceAnswer(accepted, duplicates, ignored);
    }

    /** The traits of a call that the person does not already have with that value. */
    static Map<String, String> newTraits(Map<String, String> known, Map<String, String> sent) {
        if (sent.isEmpty() || known == null) {
            return sent;
        }
        Map<String, String> news = new LinkedHashMap<>();
        sent.forEach((name, value) -> {
            if (!value.equals(known.get(name))) {
                news.put(name, value);
            }
        });
        return news;
    }

    private SourceMatcher matcher(long teamId) {
        List<JourneyEntity> team = journeys.list("teamId = ?1 order by id", teamId);
        String versions = teamId + ":" + team.stream().map(j -> j.id + "@" + j.version).collect(Collectors.joining(","));
        return matchers.get(versions, k -> new SourceMatcher(team.stream().map(journeys::load).toList()));
    }

    /**
     * A name-based UUID of the messageId and the element: a re-sent call gives the same ids (a duplicate), and
     * a call that one journey maps to two elements gives each its own.
     */
    static UUID eventId(String messageId, SourceMatcher.Hit hit) {
        return UUID.nameUUIDFromBytes(("segment\u0000" + messageId + "\u0000" + hit.eventType() + "\u0000" + hit.element())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static EventRequest event(String id, SegmentCall call, SourceMatcher.Hit hit, Map<String, String> attributes) {
        String element = hit.element();
        return new EventRequest(id, call.person(), hit.eventType(), hit.eventType().equals("STEP_ENTERED") ? element : null,
                hit.eventType().equals("ACTION_PERFORMED") ? element : null,
                hit.eventType().equals("TOUCHPOINT_DELIVERED") ? element : null, null,
                call.occurredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), attributes);
    }

    private static String field(SegmentCall call, String name) {
        return call.index() < 0 ? name : "batch[" + call.index() + "]." + name;
    }
}
