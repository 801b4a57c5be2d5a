package com.outsidein.journeys.alert;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.jboss.logging.Logger;

import com.outsidein.journeys.format.AppClock;

/**
 * Sends the outbox by Standard Webhooks 1.0, on every replica. A worker claims due messages with
 * {@code FOR UPDATE SKIP LOCKED} and leases them (their next attempt moves past the send's timeout) in one short
 * transaction, sends without holding locks, and records the outcome in another: two replicas never send the same
 * attempt, and a crash between claim and outcome only delays the message to its lease's end, when it is sent
 * again with the same {@code webhook-id}.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int CLAIM = 50;

    /** A claimed attempt. */
    record Claimed(String id, String subscriptionId, String body, int attempt) {
    }

    @Inject
    SubscriptionStore store;
    @Inject
    SubscriptionService subscriptions;
    @Inject
    WebhookConfig config;
    @Inject
    AppClock clock;

    private final ExecutorService senders = Executors.newFixedThreadPool(8, r -> {
        Thread thread = new Thread(r, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private HttpClient http;

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    private HttpClient http() {
        if (http == null) {
            // Its own executor: the senders block in send(), and the client's internals must not wait for one of them.
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.timeout()).build();
        }
        return http;
    }

    @Scheduled(every = "${journeys.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        for (int round = 0; round < 20; round++) {
            List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
            if (claimed.isEmpty()) {
                return;
            }
            // One read per subscription and one write for every success of the round: per-message transactions
            // held a burst of 10,000 messages to a few hundred a second.
            Map<String, Optional<SubscriptionStore.Row>> subscriptions = QuarkusTransaction.requiringNew().call(() -> {
                Map<String, Optional<SubscriptionStore.Row>> found = new HashMap<>();
                claimed.forEach(message -> found.computeIfAbsent(message.subscriptionId(), store::find));
                return found;
            });
            List<CompletableFuture<Outcome>> sends = new ArrayList<>();
            for (Claimed message : claimed) {
                sends.add(CompletableFuture.supplyAsync(() -> attempt(message, subscriptions.get(message.subscriptionId())), senders));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            List<Claimed> delivered = new ArrayList<>();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < claimed.size(); i++) {
                Claimed message = claimed.get(i);
                Outcome outcome = sends.get(i).join();
                if (outcome.delivered()) {
                    delivered.add(message);
                    statuses.add(outcome.status());
                } else {
                    record(message, subscriptions.get(message.subscriptionId()).orElse(null), outcome);
                }
            }
            record(delivered, statuses);
        }
    }

    private List<Claimed> claim() {
        OffsetDateTime now = clock.nowUtc();
        return store.claimDue(now, now.plus(lease()), CLAIM);
    }

    /** Longer than an attempt can take, so a message is sent again only when its sender is gone. */
    private Duration lease() {
        return config.timeout().multipliedBy(2).plusSeconds(15);
    }

    private Outcome attempt(Claimed message, Optional<SubscriptionStore.Row> subscription) {
        if (subscription.isEmpty() || !subscription.get().view().enabled()) {
            return Outcome.giveUp(null, "the subscription is disabled");
        }
        return send(subscription.get(), message);
    }

    private void record(List<Claimed> delivered, List<Integer> statuses) {
        if (delivered.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> store.delivered(delivered.stream().map(Claimed::id).toList(), statuses,
                    delivered.stream().map(Claimed::subscriptionId).distinct().toList(), clock.nowUtc()));
        } catch (RuntimeException e) {
            // The leases end and the messages are sent again, with their ids: at least once, never lost.
            LOG.warnf("Could not record %d webhook deliveries: %s", delivered.size(), e.getClass().getSimpleName());
        }
    }

    private void record(Claimed message, SubscriptionStore.Row subscription, Outcome outcome) {
        try {
            QuarkusTransaction.requiringNew().run(() -> recordFailure(message, subscription, outcome));
        } catch (RuntimeException e) {
            // The lease ends and the message is sent again, with its id: at least once, never lost.
            LOG.warnf("Could not record the outcome of webhook message %s: %s", message.id(), e.getClass().getSimpleName());
        }
    }

    /** What an attempt came to. */
    record Outcome(boolean delivered, boolean gone, boolean giveUp, Integer status, String error, Duration retryAfter) {
        static Outcome giveUp(Integer status, String error) {
            return new Outcome(false, false, true, status, error, null);
        }
    }

    private Outcome send(SubscriptionStore.Row subscription, Claimed message) {
        String url = subscription.view().url();
        try {
            if (!config.allowPrivate()) {
                // Checked again at send time: the name may resolve elsewhere than when the URL was given.
                for (InetAddress address : InetAddress.getAllByName(URI.create(url).getHost())) {
                    if (!WebhookUrls.isPublic(address)) {
                        return new Outcome(false, false, false, null, "the host resolves to a non-public address", null);
                    }
                }
            }
            // The receiver compares this with its own clock (Standard Webhooks allows 5 minutes): wall-clock time.
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                    .header("Content-Type", "application/json").header("User-Agent", "purchase-journeys-webhooks/1")
                    .header("webhook-id", message.id()).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signatures(subscription, message.id(), timestamp, message.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = http().send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, false, false, status, null, null);
            }
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(DeliveryWorker::seconds).orElse(null);
            return new Outcome(false, status == 410, status == 410, status, "answered " + status, retryAfter);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome(false, false, false, null, "no answer within " + config.timeout().toSeconds() + " s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, false, false, null, "interrupted", null);
        } catch (Exception e) {
            return new Outcome(false, false, false, null, "could not connect (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} for each secret that signs now, space-separated. */
    private String signatures(SubscriptionStore.Row subscription, String id, long timestamp, String body) {
        List<String> signatures = new ArrayList<>();
        signatures.add(sign(subscriptions.box().open(subscription.secret()), id, timestamp, body));
        OffsetDateTime until = subscription.view().previousSecretUntil();
        if (subscription.previousSecret() != null && until != null && until.isAfter(clock.nowUtc())) {
            signatures.add(sign(subscriptions.box().open(subscription.previousSecret()), id, timestamp, body));
        }
        return String.join(" ", signatures);
    }

    static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SecretBox.signingKey(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JVM", e);
        }
    }

    private void recordFailure(Claimed message, SubscriptionStore.Row subscription, Outcome outcome) {
        OffsetDateTime now = clock.nowUtc();
        List<Duration> schedule = config.retrySchedule();
        boolean last = outcome.giveUp() || message.attempt() > schedule.size();
        if (last) {
            store.failed(message.id(), outcome.status(), outcome.error());
        } else {
            Duration wait = jitter(schedule.get(message.attempt() - 1));
            if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(wait) > 0) {
                wait = outcome.retryAfter();
            }
            store.retryAt(message.id(), outcome.status(), outcome.error(), now.plus(wait));
        }
        if (subscription == null) {
            return;
        }
        if (outcome.gone()) {
            disable(message.subscriptionId(), "The endpoint answered 410 Gone", now);
            return;
        }
        store.failing(message.subscriptionId(), now);
        OffsetDateTime since = subscription.view().failingSince();
        if (since != null && !since.plus(config.disableAfter()).isAfter(now)) {
            disable(message.subscriptionId(), "Every message failed for " + config.disableAfter(), now);
        }
    }

    private void disable(String subscriptionId, String reason, OffsetDateTime now) {
        store.disable(subscriptionId, reason, now);
        LOG.infof("Webhook subscription %s disabled: %s", subscriptionId, reason);
    }

    /** Up to 10 % either way, so endpoints that failed together are not retried together. */
    private static Duration jitter(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(-millis / 10, millis / 10 + 1));
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: the schedule's own wait applies
        }
    }
}
