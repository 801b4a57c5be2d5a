package com.outsidein.journeys.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.outsidein.journeys.database.DatabaseFailure;
import com.outsidein.journeys.progress.PackedArrays;

/** The SQL of {@code response_watch}, the actions waiting for an answer; every method runs in the caller's transaction. */
@ApplicationScoped
class ResponseWatchStore {

    /** How a message names the prospect: the attributes people and CDPs use for a name, else nothing. */
    private static final String NAME = "coalesce(nullif(p.attributes->>'name', ''), nullif(btrim(concat_ws(' ', "
            + "coalesce(p.attributes->>'firstName', p.attributes->>'first_name'), "
            + "coalesce(p.attributes->>'lastName', p.attributes->>'last_name'))), ''))";

    /** One occurrence of an action: the same action performed twice in one second is told apart by {@code nth}. */
    record Key(long prospectId, int actionRef, Instant performedAt, int nth) {
    }

    /** A watched occurrence as stored. */
    record Watched(Key key, Instant dueAt, Instant nextAt, Instant overdueAt) {
    }

    /** A prospect's name and the packed actions and touches the matching reads. */
    record Progress(String externalId, String name, long[] actions, long[] touches) {
    }

    /** An occurrence whose moment has come, with what a message about it needs. */
    record Due(Watched watched, long journeyId, long teamId, String journey, long version, String prospect, String name) {
    }

    @Inject
    DataSource dataSource;

    Map<Long, Progress> progress(Collection<Long> prospectIds) {
        Map<Long, Progress> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select p.id, p.external_id, " + NAME + ", p.actions, p.touches from prospect p where p.id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", prospectIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Progress(rs.getString(2), rs.getString(3), PackedArrays.arrayAt(rs, 4),
                            PackedArrays.arrayAt(rs, 5)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** The prospects' watched occurrences, locked: the sweep skips them until this transaction ends. */
    Map<Long, List<Watched>> lock(Collection<Long> prospectIds) {
        Map<Long, List<Watched>> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select prospect_id, action_ref, performed_at, nth, due_at, next_at, overdue_at from response_watch "
                        + "where prospect_id = any(?) order by prospect_id, action_ref, performed_at, nth for update")) {
            s.setArray(1, c.createArrayOf("bigint", prospectIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Watched w = watched(rs, 1);
                    found.computeIfAbsent(w.key().prospectId(), id -> new ArrayList<>()).add(w);
                }
            }
            return found;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Set-based, as ingest writes: one statement over arrays, not a row at a time. */
    void insert(long journeyId, List<Watched> rows) {
        arrays("insert into response_watch (prospect_id, action_ref, performed_at, nth, journey_id, due_at, next_at, overdue_at) "
                + "select p, r, " + time("pa") + ", n, ?, " + time("d") + ", " + time("nx") + ", " + time("o") + " from "
                + "unnest(?::bigint[], ?::smallint[], ?::bigint[], ?::smallint[], ?::bigint[], ?::bigint[], ?::bigint[]) "
                + "as u(p, r, pa, n, d, nx, o) on conflict do nothing", journeyId, rows, true);
    }

    void update(List<Watched> rows) {
        arrays("update response_watch w set due_at = " + time("d") + ", next_at = " + time("nx") + ", overdue_at = " + time("o")
                + " from unnest(?::bigint[], ?::smallint[], ?::bigint[], ?::smallint[], ?::bigint[], ?::bigint[], ?::bigint[]) "
                + "as u(p, r, pa, n, d, nx, o) where " + MATCHES, null, rows, true);
    }

    void delete(List<Key> keys) {
        arrays("delete from response_watch w using unnest(?::bigint[], ?::smallint[], ?::bigint[], ?::smallint[]) as u(p, r, pa, n) "
                + "where " + MATCHES, null, keys.stream().map(k -> new Watched(k, null, null, null)).toList(), false);
    }

    private static final String MATCHES = "w.prospect_id = u.p and w.action_ref = u.r and w.performed_at = " + time("u.pa")
            + " and w.nth = u.n";

    /** A bigint of epoch microseconds as timestamptz (null stays null), as ingest sends times. */
    private static String time(String micros) {
        return "(timestamptz 'epoch' + " + micros + " * interval '1 microsecond')";
    }

    private void arrays(String sql, Long journeyId, List<Watched> rows, boolean withTimes) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Long[] prospects = new Long[n];
        Short[] refs = new Short[n];
        Long[] performed = new Long[n];
        Short[] nths = new Short[n];
        Long[] due = new Long[n];
        Long[] next = new Long[n];
        Long[] overdue = new Long[n];
        for (int i = 0; i < n; i++) {
            Watched w = rows.get(i);
            prospects[i] = w.key().prospectId();
            refs[i] = (short) w.key().actionRef();
            performed[i] = micros(w.key().performedAt());
            nths[i] = (short) w.key().nth();
            due[i] = micros(w.dueAt());
            next[i] = micros(w.nextAt());
            overdue[i] = micros(w.overdueAt());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int at = 1;
            if (journeyId != null) {
                s.setLong(at++, journeyId);
            }
            s.setArray(at++, c.createArrayOf("bigint", prospects));
            s.setArray(at++, c.createArrayOf("smallint", refs));
            s.setArray(at++, c.createArrayOf("bigint", performed));
            s.setArray(at++, c.createArrayOf("smallint", nths));
            if (withTimes) {
                s.setArray(at++, c.createArrayOf("bigint", due));
                s.setArray(at++, c.createArrayOf("bigint", next));
                s.setArray(at, c.createArrayOf("bigint", overdue));
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static Long micros(Instant at) {
        return at == null ? null : at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    /**
     * Claims occurrences whose moment has come, oldest first, locked with SKIP LOCKED: another replica's sweep
     * takes others, and an ingest changing one of these prospects waits for this transaction.
     */
    List<Due> claimDue(Instant now, int most) {
        List<Due> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select w.prospect_id, w.action_ref, w.performed_at, w.nth, w.due_at, w.next_at, w.overdue_at, "
                        + "j.id, j.team_id, j.key, j.version, p.external_id, " + NAME + " "
                        + "from (select * from response_watch where next_at <= ? order by next_at limit ? for update skip locked) w "
                        + "join prospect p on p.id = w.prospect_id join journey j on j.id = w.journey_id")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, most);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(watched(rs, 1), rs.getLong(8), rs.getLong(9), rs.getString(10), rs.getLong(11),
                            rs.getString(12), rs.getString(13)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** A design change may move due moments (a new SLA): the sweep looks again at the journey's waiting actions. */
    int lookAgain(long journeyId, Instant now) {
        // Locked in the order ingest locks them (prospect first), so the two never wait on each other in a circle.
        return update("update response_watch w set next_at = ? from (select prospect_id p, action_ref r, performed_at pa, nth n "
                + "from response_watch where journey_id = ? and next_at > ? order by prospect_id, action_ref, performed_at, nth "
                + "for update) u where w.prospect_id = u.p and w.action_ref = u.r and w.performed_at = u.pa and w.nth = u.n",
                now, journeyId, now);
    }

    /** Forgets the team's waiting actions: nothing watches them any more. */
    int forgetTeam(long teamId) {
        return update("delete from response_watch w using journey j where j.id = w.journey_id and j.team_id = ?", teamId);
    }

    /** Drops occurrences past due since before {@code before}: a later answer to them sends nothing. */
    int prune(Instant before, int most) {
        return update("delete from response_watch where ctid = any(array(select ctid from response_watch "
                + "where next_at is null and due_at < ? limit ?))", before, most);
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i] instanceof Instant at ? Timestamp.from(at) : values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static Watched watched(ResultSet rs, int from) throws SQLException {
        return new Watched(new Key(rs.getLong(from), rs.getInt(from + 1), rs.getTimestamp(from + 2).toInstant(), rs.getInt(from + 3)),
                rs.getTimestamp(from + 4).toInstant(), instant(rs.getTimestamp(from + 5)), instant(rs.getTimestamp(from + 6)));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
