package com.outsidein.journeys.alert;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.format.AppClock;
import com.outsidein.journeys.format.IsoDurations;
import com.outsidein.journeys.http.Cursors;
import com.outsidein.journeys.http.JsonMergePatch;
import com.outsidein.journeys.problem.FieldError;
import com.outsidein.journeys.problem.ProblemException;
import com.outsidein.journeys.problem.RequestValidator;
import com.outsidein.journeys.security.Caller;

/** A team's webhook subscriptions: made, read, changed, rotated, tested, and their delivery log. */
@ApplicationScoped
public class SubscriptionService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    /** How long a rotated-out secret keeps signing beside the new one. */
    static final Duration OVERLAP = Duration.ofHours(24);

    @Inject
    SubscriptionStore store;
    @Inject
    ResponseWatchStore watch;
    @Inject
    WebhookConfig config;
    @Inject
    RequestValidator validator;
    @Inject
    ObjectMapper json;
    @Inject
    AppClock clock;

    private SecretBox box;

    @PostConstruct
    void keys() {
        List<String> keys = new ArrayList<>();
        config.encryptionKey().ifPresent(keys::add);
        config.previousEncryptionKeys().ifPresent(keys::addAll);
        box = new SecretBox(keys);
    }

    SecretBox box() {
        return box;
    }

    @Transactional
    public SubscriptionView create(Caller caller, SubscriptionRequest request) {
        check(request);
        if (store.countLocked(caller.teamId()) >= config.maxSubscriptions()) {
            throw new ProblemException(409, "too-many-subscriptions", "Too many subscriptions", "A team may have at most "
                    + config.maxSubscriptions() + " webhook subscriptions; delete one first", List.of());
        }
        String id = id("wh_", 16);
        String secret = SecretBox.newSecret();
        store.insert(caller.teamId(), id, request, box.seal(secret), clock.nowUtc());
        store.enable(id, request.enabled(), clock.nowUtc());
        return require(caller, id).view().withSecret(secret);
    }

    @Transactional
    public SubscriptionPage list(Caller caller) {
        return new SubscriptionPage(store.list(caller.teamId()).stream().map(SubscriptionStore.Row::view).toList());
    }

    @Transactional
    public SubscriptionView get(Caller caller, String id) {
        return require(caller, id).view();
    }

    /** A JSON merge patch of the subscription's request fields, checked like a new one. */
    @Transactional
    public SubscriptionView patch(Caller caller, String id, JsonNode patch) {
        SubscriptionView current = require(caller, id).view();
        SubscriptionRequest before = new SubscriptionRequest(current.url(), current.description(), current.types(),
                current.journeys(), current.owners(), current.warnBefore(), current.format(), current.enabled());
        SubscriptionRequest after = JsonMergePatch.apply(json, before, patch, SubscriptionRequest.class);
        check(after);
        store.replace(id, after, clock.nowUtc());
        if (after.enabled() != current.enabled()) {
            store.enable(id, after.enabled(), clock.nowUtc());
        }
        forgetWaitingWhenUnwatched(caller.teamId());
        return require(caller, id).view();
    }

    @Transactional
    public void delete(Caller caller, String id) {
        require(caller, id);
        store.delete(id);
        forgetWaitingWhenUnwatched(caller.teamId());
    }

    /**
     * Ingest keeps the team's watch up to date only while a response subscription exists; without one it would go
     * stale (an answer to an action told overdue would go unseen), so it goes, and a new subscription starts afresh.
     */
    private void forgetWaitingWhenUnwatched(long teamId) {
        if (store.responseSubscribers(teamId).isEmpty()) {
            watch.forgetTeam(teamId);
        }
    }

    /** A new secret, shown this once; the old one keeps signing beside it for a day, so receivers can switch. */
    @Transactional
    public SubscriptionView rotate(Caller caller, String id) {
        require(caller, id);
        String secret = SecretBox.newSecret();
        OffsetDateTime now = clock.nowUtc();
        store.rotate(id, box.seal(secret), now.plus(OVERLAP), now);
        return require(caller, id).view().withSecret(secret);
    }

    /** Queues a {@code webhook.test} message; answers its id. */
    @Transactional
    public String test(Caller caller, String id) {
        SubscriptionView subscription = require(caller, id).view();
        String messageId = messageId();
        OffsetDateTime now = clock.nowUtc();
        var data = json.createObjectNode().put("subscription", id).put("team", caller.teamKey())
                .put("message", "A test message: this endpoint receives the team's alerts");
        store.enqueue(messageId, id, AlertType.TEST, "test:" + messageId, Messages.body(json, AlertType.TEST, now, data,
                subscription.format(), "Test message from Purchase journeys: this channel will receive the team's alerts"), now);
        return messageId;
    }

    @Transactional
    public DeliveryView.Page deliveries(Caller caller, String id, String cursor, int limit) {
        require(caller, id);
        OffsetDateTime before = null;
        String beforeId = null;
        if (cursor != null) {
            String[] fields = Cursors.fields(cursor, 2);
            try {
                before = OffsetDateTime.parse(fields[0]);
            } catch (java.time.format.DateTimeParseException e) {
                throw Cursors.invalid();
            }
            beforeId = fields[1];
        }
        List<DeliveryView> rows = store.deliveries(id, before, beforeId, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            DeliveryView last = rows.get(limit - 1);
            next = Cursors.of(last.createdAt().toString(), last.id());
        }
        return new DeliveryView.Page(rows, next);
    }

    @Transactional
    public void redeliver(Caller caller, String id, String messageId) {
        require(caller, id);
        if (!store.redeliver(id, messageId, clock.nowUtc())) {
            throw ProblemException.notFound("No message '" + messageId + "' of subscription '" + id + "'");
        }
    }

    private SubscriptionStore.Row require(Caller caller, String id) {
        return store.find(caller.teamId(), id)
                .orElseThrow(() -> ProblemException.notFound("No webhook subscription '" + id + "'"));
    }

    private void check(SubscriptionRequest request) {
        validator.checkFields(request, "subscription");
        List<FieldError> errors = new ArrayList<>();
        WebhookUrls.refusal(request.url(), config.allowPrivate()).ifPresent(why -> errors.add(new FieldError("url", why)));
        for (int i = 0; i < request.types().size(); i++) {
            String type = request.types().get(i);
            var known = AlertType.of(type);
            if (known.isEmpty()) {
                errors.add(new FieldError("types[" + i + "]", "must be one of response.due_soon, response.overdue, "
                        + "response.resolved, journey.gaps_opened"));
            } else if (known.get() == AlertType.RESPONSE_DUE_SOON && request.warnBefore() == null) {
                errors.add(new FieldError("warnBefore", "is required with response.due_soon: how long before an SLA ends to warn"));
            } else if (request.types().indexOf(type) != i) {
                errors.add(new FieldError("types[" + i + "]", type + " is listed twice"));
            }
        }
        if (request.warnBefore() != null && IsoDurations.parsePositive(request.warnBefore()).isEmpty()) {
            errors.add(new FieldError("warnBefore", IsoDurations.MESSAGE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Invalid subscription", errors);
        }
    }

    /** A Standard Webhooks message id: {@code msg_} and 24 random characters. */
    static String messageId() {
        return id("msg_", 24);
    }

    private static String id(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString().toLowerCase(Locale.ROOT);
    }
}
