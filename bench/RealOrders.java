import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Ingest in the orders CRMs really send (issue 11), on the kept 1 M-prospect dataset of Bench:
 * (a) each prospect's events together, new prospects (the order Bench measures);
 * (b) time-ordered events for random existing prospects;
 * (c) time-ordered with about 20 % of events from new prospects;
 * each against a raw COPY of the same rows, and (b) or (c) in the first minute after a restart.
 */
final class RealOrders {

    private static final double NEW_SHARE = 0.2;
    /** Events a new prospect of (c) gets over the stream, on average. */
    private static final int EVENTS_PER_NEW_PROSPECT = 3;

    private final Bench bench;
    private final Connection db;
    private final long journeyId;
    private final SplittableRandom random = new SplittableRandom(System.nanoTime());
    private Map<String, Long> prospectIds;
    /**
     * Stream time, after everything the dataset holds: ten events a second, so a kept dataset serves many
     * runs before its stream reaches the future (the service refuses events more than a day ahead).
     */
    private long clock;
    private long streamed;
    private static final int EVENTS_PER_SECOND = 10;
    private int streams;

    RealOrders(Bench bench, Connection db) {
        this.bench = bench;
        this.db = db;
        this.journeyId = Bench.count(db, "select id from journey where key = 'bench-report'");
        this.clock = Bench.count(db, "select extract(epoch from last_event_at)::bigint from journey_ingest where journey_id = "
                + journeyId) + 1;
    }

    /** How many numbers {@link #counters()} reads. */
    private static final int COUNTERS = 10;

    /** Warm figures: an untimed round of each order, then three alternating samples of each. */
    void warm(int sample) throws Exception {
        bench.log(String.format(Locale.ROOT, "# Real orders, warm: samples of %,d events, batches of %,d, 2 clients, into %,d existing prospects",
                sample, Bench.BATCH, bench.prospects));
        int newProspectsPerSample = sample * 10 / 112;
        int firstNew = bench.prospects + 1_000_000; // never used by Bench's own journeys
        bench.putJourney("bench-order-a-warmup");
        bench.putJourney("bench-order-copy");
        bench.ingestHttp("bench-order-a-warmup", firstNew, firstNew + newProspectsPerSample, 2);
        postInOrder(timeOrdered(sample, 0), 2, Long.MAX_VALUE);
        double[][] rates = new double[5][3];
        Map<String, long[]> costs = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            String together = "bench-order-a-" + round;
            bench.putJourney(together);
            int from = firstNew + (round + 1) * newProspectsPerSample;
            long[] before = counters();
            long events = Bench.count(db, "select count(*) from event where journey_id = " + journeyId);
            rates[0][round] = bench.ingestHttp(together, from, from + newProspectsPerSample, 2);
            addCost(costs, "a", before, Bench.count(db, "select coalesce(sum(events), 0) from journey_ingest where journey_id = "
                    + "(select id from journey where key = '" + together + "')"));
            List<Bench.Event> existing = timeOrdered(sample, 0);
            before = counters();
            rates[1][round] = postInOrder(existing, 2, Long.MAX_VALUE)[0];
            addCost(costs, "b", before, existing.size());
            before = counters();
            rates[2][round] = copy(existing);
            addCost(costs, "COPY", before, existing.size());
            List<Bench.Event> mixed = timeOrdered(sample, NEW_SHARE);
            before = counters();
            rates[3][round] = postInOrder(mixed, 2, Long.MAX_VALUE)[0];
            addCost(costs, "c", before, mixed.size());
            rates[4][round] = copy(mixed);
            bench.log(String.format(Locale.ROOT, "round %d: (a) %,.0f  (b) %,.0f  COPY(b) %,.0f  (c) %,.0f  COPY(c) %,.0f events/s",
                    round + 1, rates[0][round], rates[1][round], rates[2][round], rates[3][round], rates[4][round]));
            if (Bench.count(db, "select count(*) from event where journey_id = " + journeyId) <= events) {
                throw new IllegalStateException("the time-ordered events were not stored");
            }
        }
        double[] median = new double[5];
        for (int i = 0; i < 5; i++) {
            Arrays.sort(rates[i]);
            median[i] = rates[i][1];
        }
        bench.log(String.format(Locale.ROOT, "orders  (a) together, new prospects:      median %,7.0f events/s (%s)", median[0], Bench.fmt(rates[0])));
        bench.log(String.format(Locale.ROOT, "orders  (b) time-ordered, existing:       median %,7.0f events/s (%s)", median[1], Bench.fmt(rates[1])));
        bench.log(String.format(Locale.ROOT, "orders  (c) time-ordered, 20%% new:        median %,7.0f events/s (%s)", median[3], Bench.fmt(rates[3])));
        bench.log(String.format(Locale.ROOT, "orders  COPY of (b)'s rows:               median %,7.0f events/s (%s)", median[2], Bench.fmt(rates[2])));
        bench.log(String.format(Locale.ROOT, "orders  COPY of (c)'s rows:               median %,7.0f events/s (%s)", median[4], Bench.fmt(rates[4])));
        bench.log(String.format(Locale.ROOT, "orders  (b)/(a) = %.2f, (c)/(a) = %.2f (targets >= 0.70); (b)/COPY = %.2f, (c)/COPY = %.2f (targets >= 0.50); "
                + "(b), (c) target >= 50,000 events/s", median[1] / median[0], median[3] / median[0], median[1] / median[2], median[3] / median[4]));
        for (Map.Entry<String, long[]> cost : costs.entrySet()) {
            long[] c = cost.getValue();
            double events = c[COUNTERS];
            bench.log(String.format(Locale.ROOT, "cost    %-4s per event: %,.0f bytes of WAL (%.3f full-page images), %.2f prospect updates of which "
                    + "%.0f%% HOT, %.3f checkpoints per 1,000 batches; %.3f blocks read past the cache, disk %,.0f bytes read and %,.0f "
                    + "written; iowait %.0f%% of CPU time", cost.getKey(), c[0] / events, c[4] / events, c[1] / events,
                    c[1] == 0 ? 0 : 100.0 * c[2] / c[1], c[3] * 1000.0 * Bench.BATCH / events, c[5] / events, c[6] * 512 / events,
                    c[7] * 512 / events, c[9] == 0 ? 0 : 100.0 * c[8] / c[9]));
        }
        explainMerge();
    }

    /**
     * Only the time-ordered orders, warm: an untimed round, then three alternating samples of (b) and (c).
     * bench/compare.sh runs it against two builds in turn, so a change is measured beside its base.
     */
    void timeOrderedOnly(int sample, String label) throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "2"));
        postInOrder(timeOrdered(sample, 0), clients, Long.MAX_VALUE);
        double[][] rates = new double[2][3];
        for (int round = 0; round < 3; round++) {
            rates[0][round] = postInOrder(timeOrdered(sample, 0), clients, Long.MAX_VALUE)[0];
            rates[1][round] = postInOrder(timeOrdered(sample, NEW_SHARE), clients, Long.MAX_VALUE)[0];
        }
        for (double[] r : rates) {
            Arrays.sort(r);
        }
        bench.log(String.format(Locale.ROOT, "compare %-12s (b) median %,7.0f events/s (%s)   (c) median %,7.0f events/s (%s)",
                label, rates[0][1], Bench.fmt(rates[0]), rates[1][1], Bench.fmt(rates[1])));
    }

    /** The first minute after a restart of service and database: (b) or (c) posted for 60 s. */
    void firstMinute(boolean withNewProspects, int sample) throws Exception {
        String order = withNewProspects ? "(c) time-ordered, 20% new" : "(b) time-ordered, existing";
        List<Bench.Event> events = timeOrdered(sample, withNewProspects ? NEW_SHARE : 0);
        double[] minute = postInOrder(events, 2, 60_000_000_000L);
        bench.log(String.format(Locale.ROOT, "restart %-27s first minute: %,.0f events/s (%,.0f events; batches median %,.0f ms, slowest %,.0f ms)",
                order, minute[0], minute[1], minute[2], minute[3]));
    }

    /**
     * A time-ordered stream: each event one second after the last, for a random existing prospect or,
     * with the given share, one of a pool of new prospects whose first event enters the first step.
     */
    List<Bench.Event> timeOrdered(int count, double newShare) {
        streams++;
        int pool = Math.max(1, (int) (count * newShare / EVENTS_PER_NEW_PROSPECT));
        Set<Integer> seen = new HashSet<>();
        String prefix = "new-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "-" + streams + "-";
        List<Bench.Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            long at = clock + streamed++ / EVENTS_PER_SECOND;
            if (random.nextDouble() < newShare) {
                int k = random.nextInt(pool);
                if (seen.add(k)) {
                    events.add(new Bench.Event(id, prefix + k, 1, Bench.STEPS[0], at, bench.attributesOf(k, random)));
                    continue;
                }
                events.add(element(id, prefix + k, at));
            } else {
                events.add(element(id, "crm-" + random.nextInt(bench.prospects), at));
            }
        }
        return events;
    }

    /** What a CRM reports of an existing prospect: mostly actions and deliveries, now and then a step. */
    private Bench.Event element(UUID id, String prospect, long at) {
        int s = random.nextInt(Bench.STEPS.length);
        double kind = random.nextDouble();
        if (kind < 0.1) {
            return new Bench.Event(id, prospect, 1, Bench.STEPS[s], at, null);
        }
        return kind < 0.55 ? new Bench.Event(id, prospect, 2, "act-" + s, at, null) : new Bench.Event(id, prospect, 3, "tp-" + s, at, null);
    }

    /**
     * Posts the stream in order, in batches, from clients that each take the next batch (a CRM's queue
     * with two workers), until it ends or the time limit passes. Answers events/s, events, and the
     * median and slowest batch in ms.
     */
    double[] postInOrder(List<Bench.Event> events, int clients, long limitNanos) throws Exception {
        int batches = (events.size() + Bench.BATCH - 1) / Bench.BATCH;
        AtomicInteger next = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        List<Double> batchMs = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches && System.nanoTime() - start < limitNanos; b = next.getAndIncrement()) {
                    StringBuilder json = new StringBuilder("[");
                    List<Bench.Event> batch = events.subList(b * Bench.BATCH, Math.min(events.size(), (b + 1) * Bench.BATCH));
                    for (Bench.Event e : batch) {
                        json.append(json.length() == 1 ? "" : ",");
                        Bench.appendJson(json, e);
                    }
                    long posted = System.nanoTime();
                    bench.post("bench-report", json.append(']').toString());
                    batchMs.add((System.nanoTime() - posted) / 1e6);
                    sent.addAndGet(batch.size());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] ms = batchMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] { sent.get() / seconds, sent.get(), ms.length == 0 ? 0 : ms[ms.length / 2], ms.length == 0 ? 0 : ms[ms.length - 1] };
    }

    /**
     * Raw COPY of the same event rows into the event table, for the prospects the service stored (a
     * separate journey id keeps the dataset's reports as they are); new prospects are made first, untimed.
     */
    double copy(List<Bench.Event> events) throws Exception {
        if (prospectIds == null) {
            prospectIds = new HashMap<>();
        }
        long copyJourney = Bench.count(db, "select id from journey where key = 'bench-order-copy'");
        Set<String> missing = new HashSet<>();
        for (Bench.Event e : events) {
            if (!prospectIds.containsKey(e.prospect())) {
                missing.add(e.prospect());
            }
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select external_id, id from prospect where journey_id = " + journeyId + " and external_id = any('{"
                        + String.join(",", missing) + "}')")) {
            while (rs.next()) {
                prospectIds.put(rs.getString(1), rs.getLong(2));
            }
        }
        StringBuilder rows = new StringBuilder();
        for (Bench.Event e : events) {
            // Another id for the same row: event ids are keyed by prospect (V13), and the service stored these very ones.
            rows.append(copyJourney).append('\t').append(new java.util.UUID(~e.id().getMostSignificantBits(), e.id().getLeastSignificantBits()))
                    .append('\t').append(prospectIds.get(e.prospect())).append('\t')
                    .append(e.type()).append('\t').append(e.element()).append('\t').append(Instant.ofEpochSecond(e.epochSecond()))
                    .append('\t').append(e.attributes() == null ? "\\N" : e.attributes().replace("\\", "\\\\")).append('\n');
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        long start = System.nanoTime();
        copy.copyIn("copy event (journey_id, id, prospect_id, type, element, occurred_at, attributes) from stdin",
                new StringReader(rows.toString()));
        return events.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * WAL bytes, prospect updates, HOT updates, checkpoints, full-page images in WAL, blocks PostgreSQL read from
     * outside its cache, the machine's disk sectors read and written, and its CPU ticks (iowait, all) so far.
     * The statistics lag; read after a pause.
     */
    private long[] counters() throws Exception {
        Thread.sleep(600); // pgstat flushes table counters at most once a second per backend
        long[] c = new long[COUNTERS];
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select pg_current_wal_lsn() - '0/0', t.n_tup_upd, t.n_tup_hot_upd, c.num_timed + c.num_requested, "
                        + "w.wal_fpi, (select sum(blks_read) from pg_stat_database) "
                        + "from pg_stat_user_tables t, pg_stat_checkpointer c, pg_stat_wal w where t.relname = 'prospect'")) {
            rs.next();
            for (int i = 0; i < 6; i++) {
                c[i] = rs.getLong(i + 1);
            }
        }
        // Linux only, and only what the whole machine did: good enough to tell I/O from CPU on a quiet box.
        Path diskstats = Path.of("/proc/diskstats");
        if (Files.isReadable(diskstats)) {
            for (String line : Files.readAllLines(diskstats)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[2].matches("(s|v|xv)d[a-z]+|nvme\\d+n\\d+")) { // whole disks, not partitions
                    c[6] += Long.parseLong(f[5]);
                    c[7] += Long.parseLong(f[9]);
                }
            }
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            c[8] = Long.parseLong(cpu[5]);
            for (int i = 1; i < cpu.length; i++) {
                c[9] += Long.parseLong(cpu[i]);
            }
        }
        return c;
    }

    private void addCost(Map<String, long[]> costs, String order, long[] before, long events) throws Exception {
        long[] after = counters();
        long[] sum = costs.computeIfAbsent(order, k -> new long[COUNTERS + 1]);
        for (int i = 0; i < COUNTERS; i++) {
            sum[i] += after[i] - before[i];
        }
        sum[COUNTERS] += events;
    }

    /**
     * The lookup and merge of one batch as the service runs them, for 10,000 random existing prospects (one
     * delivery each), under EXPLAIN (ANALYZE, BUFFERS) and rolled back.
     */
    private void explainMerge() throws Exception {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("create temporary table merge_batch as select p.id as pid, p.external_id as x, "
                    + "array[(extract(epoch from now())::bigint * 4096)]::bigint[] as t "
                    + "from prospect p where p.journey_id = " + journeyId + " order by random() limit 10000");
            s.execute("analyze merge_batch");
            // The service's lookup (nothing locked) and its merge of a batch without attributes, in id order.
            for (String sql : List.of(
                    "select external_id, id from prospect where journey_id = " + journeyId
                            + " and external_id = any(array(select x from merge_batch))",
                    "update prospect p set touches = array(select v from unnest(p.touches || u.t) as v order by v), "
                            + "last_event_at = greatest(p.last_event_at, now()) from (select * from merge_batch order by pid) u "
                            + "where p.id = u.pid")) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("explain (analyze, buffers, timing off) " + sql)) {
                    while (rs.next()) {
                        plan.append("        ").append(rs.getString(1)).append('\n');
                    }
                }
                bench.log("explain " + sql.substring(0, Math.min(60, sql.length())) + "...\n" + plan.toString().stripTrailing());
            }
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }
}
