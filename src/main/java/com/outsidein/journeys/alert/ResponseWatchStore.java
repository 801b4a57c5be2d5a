package com.outsidein.journeys.alert;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.outsidein.journeys.database.DatabaseFailure;
import com.outsidein.journeys.progress.PackedArrays;

/** The SQL of {@code response_watch}: per prospect, when to look again; every method runs in the caller's transaction. */
@ApplicationScoped
class ResponseWatchStore {

    /** How a message names the prospect: the attributes people and CDPs use for a name, else nothing. */
    private static final String NAME = "coalesce(nullif(p.attributes->>'name', ''), nullif(btrim(concat_ws(' ', "
            + "coalesce(p.attributes->>'firstName', p.attributes->>'first_name'), "
            + "coalesce(p.attributes->>'lastName', p.attributes->>'last_name'))), ''))";

    /** A prospect's row: when to look again, and the occurrences told overdue that still wait for their answer. */
    record Watch(long prospectId, long journeyId, Instant nextAt, List<String> told, Instant toldAt) {
    }

    /** A prospect's packed actions and touches, which the matching reads. */
    record Progress(String externalId, long[] actions, long[] touches) {
    }

    /** A row whose moment has come, with its prospect's progress, name and journey; {@code journey} null when either is gone. */
    record Due(Watch watch, long teamId, String journey, long version, Progress progress, String name) {
    }

    @Inject
    DataSource dataSource;

    Map<Long, Progress> progress(Collection<Long> prospectIds) {
        Map<Long, Progress> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select p.id, p.external_id, p.actions, p.touches from prospect p where p.id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", prospectIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Progress(rs.getString(2), PackedArrays.arrayAt(rs, 3), PackedArrays.arrayAt(rs, 4)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** How a message names the prospect, or null: read only for a message, not for every prospect a batch changes. */
    String name(long prospectId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select " + NAME + " from prospect p where p.id = ?")) {
            s.setLong(1, prospectId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * Moves each prospect's next look to the given moment when that is earlier (or when nothing was ahead), creating
     * the rows that do not exist yet: one statement over arrays for a whole batch.
     */
    void lookBy(long journeyId, Map<Long, Instant> moments) {
        if (moments.isEmpty()) {
            return;
        }
        // Prospect order, the order every batch takes these rows' locks in.
        Long[] prospects = moments.keySet().stream().sorted().toArray(Long[]::new);
        Long[] micros = Arrays.stream(prospects).map(p -> micros(moments.get(p))).toArray(Long[]::new);
        update("insert into response_watch as w (prospect_id, journey_id, next_at) select p, ?, " + time("m")
                + " from unnest(?::bigint[], ?::bigint[]) as u(p, m) on conflict (prospect_id) do update "
                + "set next_at = least(coalesce(w.next_at, excluded.next_at), excluded.next_at) "
                + "where w.next_at is null or excluded.next_at < w.next_at", journeyId, prospects, micros);
    }

    /**
     * The rows of these prospects, locked (the sweep skips them until this transaction ends): all of {@code every},
     * and of {@code ifTold} only those with occurrences told overdue.
     */
    Map<Long, Watch> lock(Collection<Long> every, Collection<Long> ifTold) {
        Map<Long, Watch> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select prospect_id, journey_id, next_at, told, told_at from response_watch "
                        + "where prospect_id = any(?) or (prospect_id = any(?) and cardinality(told) > 0) "
                        + "order by prospect_id for update")) {
            s.setArray(1, c.createArrayOf("bigint", every.toArray()));
            s.setArray(2, c.createArrayOf("bigint", ifTold.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Watch w = watch(rs, 1);
                    found.put(w.prospectId(), w);
                }
            }
            return found;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * Claims rows whose moment has come, oldest first, locked with SKIP LOCKED (another replica's sweep takes others,
     * and an ingest changing one of these prospects waits for this transaction), with what re-matching them needs.
     */
    List<Due> claimDue(Instant now, int most) {
        List<Due> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select w.prospect_id, w.journey_id, w.next_at, w.told, w.told_at, j.team_id, j.key, j.version, "
                        + "p.external_id, p.actions, p.touches, " + NAME + " "
                        + "from (select * from response_watch where next_at <= ? order by next_at limit ? for update skip locked) w "
                        + "left join prospect p on p.id = w.prospect_id left join journey j on j.id = w.journey_id")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, most);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean gone = rs.getObject(7) == null || rs.getObject(9) == null;
                    due.add(new Due(watch(rs, 1), rs.getLong(6), gone ? null : rs.getString(7), rs.getLong(8),
                            gone ? null : new Progress(rs.getString(9), PackedArrays.arrayAt(rs, 10), PackedArrays.arrayAt(rs, 11)),
                            rs.getString(12)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Stores what a look decided: rows with nothing ahead and nothing told go. */
    void save(List<Watch> rows) {
        List<Watch> kept = rows.stream().filter(w -> w.nextAt() != null || !w.told().isEmpty()).toList();
        Long[] gone = rows.stream().filter(w -> w.nextAt() == null && w.told().isEmpty()).map(Watch::prospectId).toArray(Long[]::new);
        if (gone.length > 0) {
            update("delete from response_watch where prospect_id = any(?)", (Object) gone);
        }
        if (kept.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update response_watch set next_at = ?, told = ?, told_at = ? where prospect_id = ?")) {
            for (Watch w : kept) {
                s.setTimestamp(1, timestamp(w.nextAt()));
                s.setArray(2, c.createArrayOf("text", w.told().toArray()));
                s.setTimestamp(3, timestamp(w.toldAt()));
                s.setLong(4, w.prospectId());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** A design change may move due moments (a new SLA): the sweep looks again at the journey's prospects. */
    int lookAgain(long journeyId, Instant now) {
        // Rows an ingest holds are skipped, not waited for: that ingest locks more of them as it goes, and waiting
        // both ways would be a deadlock. Its look decided with the design it read; the next look reads the new one.
        return update("update response_watch w set next_at = ? from (select prospect_id from response_watch "
                + "where journey_id = ? and (next_at is null or next_at > ?) for update skip locked) u "
                + "where w.prospect_id = u.prospect_id", Timestamp.from(now), journeyId, Timestamp.from(now));
    }

    /** Forgets the team's prospects: nothing watches them any more. */
    int forgetTeam(long teamId) {
        return update("delete from response_watch w using journey j where j.id = w.journey_id and j.team_id = ?", teamId);
    }

    /** Drops rows that have only waited for a late answer since before {@code before}: that answer will send nothing. */
    int prune(Instant before, int most) {
        return update("delete from response_watch where prospect_id = any(array(select prospect_id from response_watch "
                + "where next_at is null and told_at < ? limit ?))", Timestamp.from(before), most);
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Long[] array) {
                    s.setArray(i + 1, c.createArrayOf("bigint", array));
                } else {
                    s.setObject(i + 1, values[i]);
                }
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** A bigint of epoch microseconds as timestamptz, as ingest sends times. */
    private static String time(String micros) {
        return "(timestamptz 'epoch' + " + micros + " * interval '1 microsecond')";
    }

    private static Long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    private static Watch watch(ResultSet rs, int from) throws SQLException {
        Array told = rs.getArray(from + 3);
        return new Watch(rs.getLong(from), rs.getLong(from + 1), instant(rs.getTimestamp(from + 2)),
                told == null ? List.of() : List.of((String[]) told.getArray()), instant(rs.getTimestamp(from + 4)));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
