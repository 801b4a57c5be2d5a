package com.outsidein.journeys.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.outsidein.journeys.journey.JourneyDocument;
import com.outsidein.journeys.progress.ElementKind;
import com.outsidein.journeys.progress.ElementRefs;
import com.outsidein.journeys.progress.PackedArrays;
import com.outsidein.journeys.journey.StepDocument;

/** Streams per-prospect progress rows for reports; callers own the transaction. */
@ApplicationScoped
public class ProgressStore {

    private static final int FETCH_SIZE = 20_000;

    @Inject
    DataSource dataSource;
    @Inject
    @io.quarkus.agroal.DataSource("reports")
    DataSource reportsDataSource;
    @Inject
    ReportsConfig limits;
    @Inject
    ScanConnections scanConnections;
    @Inject
    ReportExecutor executor;

    /** One prospect's progress as the reports need it; answers false to stop reading. */
    public interface ProspectVisitor {
        boolean visit(long id, String externalId, long[] entries, String segment);
    }

    public List<StepSpec> steps(long journeyId, JourneyDocument doc) throws SQLException {
        Map<String, Integer> refs = refs(journeyId).of(ElementKind.STEP);
        return doc.steps().stream().map((StepDocument s) -> new StepSpec(s.key(), s.name(),
                s.optional(), refs.get(s.key()))).toList();
    }

    /** Reads the selected columns of one prospect row into a partition's accumulator. */
    public interface RowHandler<A> {
        void handle(A accumulator, ResultSet row) throws SQLException;
    }

    /**
     * Reads every prospect row of a journey, split over up to {@link ReportsConfig#parallelism()} connections
     * of the reports pool that share one exported snapshot, so a report sees one consistent state and every
     * core works. Each partition fills its own accumulator; the caller merges them.
     *
     * <p>A report takes all the connections it will use before it starts (permits, one per connection of
     * the pool), so concurrent reports queue for whole sets instead of each holding some and waiting for
     * more; one that cannot get them within the queue timeout answers 503 with Retry-After. The exporting
     * connection scans the first partition itself and stays in its transaction until every partition has
     * imported the snapshot and finished.
     *
     * @param columns the select list; its {@code ?} are bound to {@code columnParameters}
     */
    public <A> Scanned<A> scan(long journeyId, String columns, List<String> columnParameters, String filter,
            java.util.function.Supplier<A> accumulator, RowHandler<A> handler) throws SQLException {
        int partitions = Math.max(1, Math.min(limits.parallelism(), scanConnections.permits()));
        List<A> accumulators = new java.util.ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            accumulators.add(accumulator.get());
        }
        // Partitions are ranges of the table's blocks (a TID range scan each), so the table is read once
        // in all, not once per partition; the last range is open, rows added since lie beyond it.
        String sql = "select " + columns + " from prospect where journey_id = ? and ctid >= ?::tid"
                + " and (?::tid is null or ctid < ?::tid)" + (filter == null ? "" : " and " + filter);
        try (ScanConnections.Lease lease = scanConnections.acquire(partitions);
                Connection first = reportsDataSource.getConnection()) {
            first.setAutoCommit(false);
            try {
                String snapshot;
                long blocks;
                OffsetDateTime dataThrough;
                try (Statement s = first.createStatement()) {
                    s.execute("set transaction isolation level repeatable read");
                }
                // The newest event in this very snapshot: on a standby, how fresh the report's data is.
                try (PreparedStatement s = first.prepareStatement("select pg_export_snapshot(),"
                        + " pg_relation_size('prospect') / current_setting('block_size')::bigint,"
                        + " (select last_event_at from journey_ingest where journey_id = ?)")) {
                    s.setLong(1, journeyId);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        snapshot = rs.getString(1);
                        blocks = rs.getLong(2);
                        dataThrough = rs.getObject(3, OffsetDateTime.class);
                    }
                }
                List<java.util.concurrent.CompletableFuture<Void>> rest = new java.util.ArrayList<>();
                for (int p = 1; p < partitions; p++) {
                    int partition = p;
                    rest.add(executor.runAsync(() -> {
                        try (Connection c = reportsDataSource.getConnection()) {
                            c.setAutoCommit(false);
                            try {
                                try (Statement s = c.createStatement()) {
                                    s.execute("set transaction isolation level repeatable read");
                                    s.execute("set transaction snapshot '" + snapshot.replace("'", "") + "'");
                                }
                                scanPartition(c, sql, columnParameters, journeyId, blocks, partition, partitions,
                                        accumulators.get(partition), handler);
                            } finally {
                                c.rollback();
                            }
                        } catch (SQLException e) {
                            throw new java.util.concurrent.CompletionException(e);
                        }
                    }));
                }
                try {
                    scanPartition(first, sql, columnParameters, journeyId, blocks, 0, partitions, accumulators.get(0),
                            handler);
                } finally {
                    join(rest);
                }
                return new Scanned<>(accumulators, dataThrough);
            } finally {
                first.rollback();
            }
        }
    }

    /** Each partition's accumulator, and the time of the newest event the scanned snapshot holds. */
    public record Scanned<A>(List<A> partitions, OffsetDateTime dataThrough) {
    }

    private static void join(List<java.util.concurrent.CompletableFuture<Void>> work) throws SQLException {
        try {
            java.util.concurrent.CompletableFuture.allOf(work.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof SQLException sqlException) {
                throw sqlException;
            }
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused; // a partition's own answer, such as too many funnels
            }
            throw e;
        }
    }

    private <A> void scanPartition(Connection c, String sql, List<String> columnParameters, long journeyId, long blocks,
            int partition, int partitions, A accumulator, RowHandler<A> handler) throws SQLException {
        String lowerTid = "(" + blocks * partition / partitions + ",0)";
        String upperTid = partition == partitions - 1 ? null : "(" + blocks * (partition + 1) / partitions + ",0)";
        try (Statement s = c.createStatement()) {
            s.execute("set local statement_timeout = " + limits.statementTimeout().toMillis());
            // A journey with few prospects in a big table is read through its index, a big one by
            // block range: the plan must see the actual journey, not a generic parameter.
            s.execute("set local plan_cache_mode = force_custom_plan");
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            // Server-prepared from the first run, so bigint[] columns arrive in binary (see PackedArrays.arrayAt).
            s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            int i = 1;
            for (String parameter : columnParameters) {
                s.setString(i++, parameter);
            }
            s.setLong(i++, journeyId);
            s.setString(i++, lowerTid);
            s.setString(i++, upperTid);
            s.setString(i, upperTid);
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    handler.handle(accumulator, rs);
                }
            }
        }
    }

    /**
     * Visits every prospect of the journey that entered any step, in id order from {@code afterId}.
     * Entries travel as text and are parsed here: far cheaper than boxing them through java.sql.Array.
     */
    public void forEachProspect(long journeyId, String breakdown, boolean withExternalIds, long afterId,
            ProspectVisitor visitor) throws SQLException {
        String sql = "select id, " + (withExternalIds ? "external_id" : "null") + ", array_to_string(entries, ','), "
                + (breakdown == null ? "null" : "attributes ->> ?") + " from prospect "
                + "where journey_id = ? and id > ? and cardinality(entries) > 0"
                + (withExternalIds ? " order by id" : "");
        try (Connection c = dataSource.getConnection()) {
            try (Statement timeout = c.createStatement()) {
                timeout.execute("set local statement_timeout = " + limits.statementTimeout().toMillis());
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                if (breakdown != null) {
                    s.setString(i++, breakdown);
                }
                s.setLong(i++, journeyId);
                s.setLong(i, afterId);
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    // Closing the cursor early leaves the rest of the journey unread: a page costs its rows, not the journey.
                    while (rs.next() && visitor.visit(rs.getLong(1), rs.getString(2), PackedArrays.parse(rs.getString(3)), rs.getString(4))) {
                        continue;
                    }
                }
            }
        }
    }

    /** External ids of prospect rows, for the few a report names after counting by row id. */
    public Map<Long, String> externalIds(List<Long> ids) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, external_id from prospect where id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return names;
    }

    /** The journey's element refs, to unpack its progress with. */
    public ElementRefs refs(long journeyId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return ElementRefs.load(c, journeyId);
        }
    }

}
