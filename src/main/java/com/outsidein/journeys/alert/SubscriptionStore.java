package com.outsidein.journeys.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outsidein.journeys.database.DatabaseFailure;

/** The SQL of subscriptions and their outbox; every method runs in the caller's transaction. */
@ApplicationScoped
class SubscriptionStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, url, description, types::text, journeys::text, owners::text, warn_before, format, "
            + "disabled_at, disabled_reason, failing_since, previous_until, created_at, updated_at";

    /** A stored subscription with its sealed secrets. */
    record Row(SubscriptionView view, long teamId, byte[] secret, byte[] previousSecret) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    void insert(long teamId, String id, SubscriptionRequest request, byte[] secret, OffsetDateTime now) {
        update("insert into webhook_subscription (id, team_id, url, description, types, journeys, owners, warn_before, format, "
                + "secret, created_at, updated_at) values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)",
                id, teamId, request.url(), request.description(), text(request.types()), text(request.journeys()),
                text(request.owners()), request.warnBefore(), request.format(), secret, now, now);
    }

    /** Pauses or re-enables; re-enabling forgets the failures that disabled it. */
    void enable(String id, boolean enabled, OffsetDateTime now) {
        if (enabled) {
            update("update webhook_subscription set disabled_at = null, disabled_reason = null, failing_since = null "
                    + "where id = ? and disabled_at is not null", id);
        } else {
            update("update webhook_subscription set disabled_at = ?, disabled_reason = 'Paused by the team' "
                    + "where id = ? and disabled_at is null", now, id);
        }
    }

    void replace(String id, SubscriptionRequest request, OffsetDateTime now) {
        update("update webhook_subscription set url = ?, description = ?, types = ?::jsonb, journeys = ?::jsonb, owners = ?::jsonb, "
                + "warn_before = ?, format = ?, updated_at = ? where id = ?", request.url(), request.description(),
                text(request.types()), text(request.journeys()), text(request.owners()), request.warnBefore(), request.format(),
                now, id);
    }

    /** The new secret signs from now on; the old one beside it until {@code previousUntil}. */
    void rotate(String id, byte[] secret, OffsetDateTime previousUntil, OffsetDateTime now) {
        update("update webhook_subscription set previous_secret = secret, previous_until = ?, secret = ?, updated_at = ? where id = ?",
                previousUntil, secret, now, id);
    }

    void delete(String id) {
        update("delete from webhook_subscription where id = ?", id);
    }

    /** Locks the team's row, so two concurrent creates cannot both pass the limit. */
    int countLocked(long teamId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement lock = c.prepareStatement("select id from team where id = ? for update");
                PreparedStatement count = c.prepareStatement("select count(*) from webhook_subscription where team_id = ?")) {
            lock.setLong(1, teamId);
            lock.executeQuery().close();
            count.setLong(1, teamId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    Optional<Row> find(long teamId, String id) {
        List<Row> rows = select("select " + COLUMNS + ", team_id, secret, previous_secret from webhook_subscription "
                + "where team_id = ? and id = ?", teamId, id);
        return rows.stream().findFirst();
    }

    /** By id alone: for the delivery workers, which act for every team. */
    Optional<Row> find(String id) {
        return select("select " + COLUMNS + ", team_id, secret, previous_secret from webhook_subscription where id = ?", id)
                .stream().findFirst();
    }

    List<Row> list(long teamId) {
        return select("select " + COLUMNS + ", team_id, secret, previous_secret from webhook_subscription where team_id = ? "
                + "order by created_at, id", teamId);
    }

    /** The team's enabled subscriptions to a type, for a journey (those with no journey filter, or naming it). */
    List<Row> subscribed(long teamId, String type, String journey) {
        return select("select " + COLUMNS + ", team_id, secret, previous_secret from webhook_subscription where team_id = ? "
                + "and disabled_at is null and types @> ?::jsonb and (journeys = '[]'::jsonb or journeys @> ?::jsonb) "
                + "order by id", teamId, text(List.of(type)), text(List.of(journey)));
    }

    /**
     * The team's subscriptions to any response alert, paused ones included (their filters and state decide who is
     * told): while there is one, ingest keeps the team's waiting actions up to date.
     */
    List<Row> responseSubscribers(long teamId) {
        return select("select " + COLUMNS + ", team_id, secret, previous_secret from webhook_subscription where team_id = ? "
                + "and (types @> '[\"response.due_soon\"]' or types @> '[\"response.overdue\"]' "
                + "or types @> '[\"response.resolved\"]') "
                + "order by id", teamId);
    }

    /** Which of these subscriptions were told an occurrence is overdue (so its answer resolves it for them). */
    List<String> toldOverdue(List<String> subscriptionIds, String occurrence) {
        List<String> told = new ArrayList<>();
        if (subscriptionIds.isEmpty()) {
            return told;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select subscription_id from webhook_message where subscription_id = any(?) and type = 'response.overdue' "
                        + "and occurrence = ? order by subscription_id")) {
            s.setArray(1, c.createArrayOf("varchar", subscriptionIds.toArray()));
            s.setString(2, occurrence);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    told.add(rs.getString(1));
                }
            }
            return told;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Writes a message to the outbox in the caller's transaction; an occurrence already told this subscription is not told twice. */
    boolean enqueue(String messageId, String subscriptionId, String type, String occurrence, String body, OffsetDateTime now) {
        return update("insert into webhook_message (id, subscription_id, type, occurrence, body, status, next_attempt_at, created_at) "
                + "values (?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict (subscription_id, type, occurrence) do nothing",
                messageId, subscriptionId, type, occurrence, body, now, now) == 1;
    }

    /** A message to write to the outbox. */
    record Message(String id, String subscriptionId, String type, String occurrence, String body) {
    }

    /** {@link #enqueue} for many messages in one statement, as the sweep writes them. */
    void enqueueAll(List<Message> messages, OffsetDateTime now) {
        if (messages.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into webhook_message (id, subscription_id, type, occurrence, body, status, next_attempt_at, created_at) "
                        + "select i, s, t, o, b, 'PENDING', ?, ? from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], "
                        + "?::text[]) as u(i, s, t, o, b) on conflict (subscription_id, type, occurrence) do nothing")) {
            s.setObject(1, now);
            s.setObject(2, now);
            s.setArray(3, c.createArrayOf("varchar", messages.stream().map(Message::id).toArray()));
            s.setArray(4, c.createArrayOf("varchar", messages.stream().map(Message::subscriptionId).toArray()));
            s.setArray(5, c.createArrayOf("varchar", messages.stream().map(Message::type).toArray()));
            s.setArray(6, c.createArrayOf("text", messages.stream().map(Message::occurrence).toArray()));
            s.setArray(7, c.createArrayOf("text", messages.stream().map(Message::body).toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    List<DeliveryView> deliveries(String subscriptionId, OffsetDateTime before, String beforeId, int limit) {
        String sql = "select id, type, status, attempts, last_status, last_error, last_attempt_at, next_attempt_at, created_at, "
                + "delivered_at from webhook_message where subscription_id = ? "
                + (before == null ? "" : "and (created_at, id) < (?, ?) ") + "order by created_at desc, id desc limit ?";
        List<DeliveryView> page = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, subscriptionId);
            if (before != null) {
                s.setObject(i++, before);
                s.setString(i++, beforeId);
            }
            s.setInt(i, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(new DeliveryView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            (Integer) rs.getObject(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                            rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                            rs.getObject(10, OffsetDateTime.class)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Sends a message again from the start of the schedule, with its id; false when the subscription has no such message. */
    boolean redeliver(String subscriptionId, String messageId, OffsetDateTime now) {
        return update("update webhook_message set status = 'PENDING', attempts = 0, next_attempt_at = ? "
                + "where subscription_id = ? and id = ?", now, subscriptionId, messageId) == 1;
    }

    /**
     * Claims due messages for this replica: locked with SKIP LOCKED so another replica takes others, and leased
     * (their next attempt moved to {@code leaseEnd}) so that they are sent again only if this sender is gone.
     */
    List<DeliveryWorker.Claimed> claimDue(OffsetDateTime now, OffsetDateTime leaseEnd, int most) {
        List<DeliveryWorker.Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update webhook_message m set next_attempt_at = ?, attempts = m.attempts + 1, last_attempt_at = ? "
                        + "where m.id in (select id from webhook_message where status = 'PENDING' and next_attempt_at <= ? "
                        + "order by next_attempt_at limit ? for update skip locked) returning m.id, m.subscription_id, m.body, m.attempts")) {
            s.setObject(1, leaseEnd);
            s.setObject(2, now);
            s.setObject(3, now);
            s.setInt(4, most);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new DeliveryWorker.Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** 2xx answers: the messages are done, and their endpoints no longer failing. */
    void delivered(List<String> messageIds, List<Integer> statuses, List<String> subscriptionIds, OffsetDateTime now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement done = c.prepareStatement("update webhook_message m set status = 'DELIVERED', delivered_at = ?, "
                        + "last_status = u.s, last_error = null, next_attempt_at = null from unnest(?::varchar[], ?::int[]) as u(i, s) "
                        + "where m.id = u.i");
                // Only when it was failing: writing the subscription's row for every delivery made senders queue on its lock.
                PreparedStatement recovered = c.prepareStatement("update webhook_subscription set failing_since = null "
                        + "where id = any(?) and failing_since is not null")) {
            done.setObject(1, now);
            done.setArray(2, c.createArrayOf("varchar", messageIds.toArray()));
            done.setArray(3, c.createArrayOf("integer", statuses.toArray()));
            done.executeUpdate();
            recovered.setArray(1, c.createArrayOf("varchar", subscriptionIds.toArray()));
            recovered.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Given up: the schedule is spent, or the endpoint is gone or disabled. */
    void failed(String messageId, Integer status, String error) {
        update("update webhook_message set status = 'FAILED', last_status = ?, last_error = ?, next_attempt_at = null where id = ?",
                status, error, messageId);
    }

    void retryAt(String messageId, Integer status, String error, OffsetDateTime next) {
        update("update webhook_message set last_status = ?, last_error = ?, next_attempt_at = ? where id = ?", status, error, next,
                messageId);
    }

    /** Marks when the endpoint began failing, unless it already was. */
    void failing(String subscriptionId, OffsetDateTime now) {
        update("update webhook_subscription set failing_since = coalesce(failing_since, ?) where id = ?", now, subscriptionId);
    }

    void disable(String subscriptionId, String reason, OffsetDateTime now) {
        update("update webhook_subscription set disabled_at = ?, disabled_reason = ? where id = ? and disabled_at is null",
                now, reason, subscriptionId);
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private List<Row> select(String sql, Object... values) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime disabledAt = rs.getObject(9, OffsetDateTime.class);
                    OffsetDateTime previousUntil = rs.getObject(12, OffsetDateTime.class);
                    SubscriptionView view = new SubscriptionView(rs.getString(1), rs.getString(2), rs.getString(3),
                            list(rs.getString(4)), list(rs.getString(5)), list(rs.getString(6)), rs.getString(7), rs.getString(8),
                            disabledAt == null, disabledAt, rs.getString(10), rs.getObject(11, OffsetDateTime.class),
                            previousUntil, rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class), null);
                    rows.add(new Row(view, rs.getLong(15), rs.getBytes(16), rs.getBytes(17)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private String text(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of text is always JSON", e);
        }
    }

    private List<String> list(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored lists are always JSON", e);
        }
    }
}
