import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * Response alerts at 1 M prospects (issue 28, item 6), on the dataset bench/run.sh full keeps (journey bench-report,
 * six steps, each with an action act-N whose SLA is P1D, answered by the touchpoint tp-N):
 *   1. the sweep with nothing due: the sweep's own claim statement as the driver prepares it (a generic plan; EXPLAIN
 *      ANALYZE BUFFERS, median of 15) and the service's journeys.alerts.sweep timer from /q/metrics, before and after
 *      the watch holds tens of thousands of prospects;
 *   2. ingest with a response subscription against without, in pairs of rounds whose order alternates: time-ordered
 *      batches of 10,000 events for random stored prospects in the dataset's own mix (step entries, requests,
 *      answers), from two clients;
 *   3. 10,000 actions falling due together (one batch, due 20 s after it is sent), delivered to a receiver on
 *      loopback: the time from the due moment to the last delivery, against two sweep intervals.
 * Usage: java -cp DRIVER Alerts BASE_URL JDBC_URL SWEEP_INTERVAL_SECONDS   (BENCH_ALERTS_PART=ingest: part 2 only;
 * BENCH_PAIRS: its number of pairs, 6 by default)
 */
public class Alerts {

    static final String KEY = System.getenv().getOrDefault("BENCH_KEY", "bench-only-key-not-secret-0000");
    static final int PROSPECTS = 1_000_000;
    static final int BATCH = 10_000;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final String base;
    final String jdbc;
    final SplittableRandom random = new SplittableRandom(20261206);
    long clock = Instant.now().minusSeconds(23 * 3600).getEpochSecond();
    long prospectsSent;

    Alerts(String base, String jdbc) {
        this.base = base;
        this.jdbc = jdbc;
    }

    public static void main(String[] args) throws Exception {
        int code = 0;
        try {
            new Alerts(args[0], args[1]).run(Integer.parseInt(args[2]));
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code); // the receiver's pool threads would keep the JVM alive, even after a failure
    }

    void run(int sweepSeconds) throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicLong lastArrival = new AtomicLong();
        AtomicLong firstArrival = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            if (received.add(exchange.getRequestHeaders().getFirst("webhook-id"))) {
                // The moment each new id arrives: a re-sent id would not move it.
                firstArrival.compareAndSet(0, System.currentTimeMillis());
                lastArrival.set(System.currentTimeMillis());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            say("# Alerts at 1 M: " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, sweep every "
                    + sweepSeconds + " s");
            say("watch   " + count(db, "select count(*) from response_watch") + " prospects watched at the start");
            boolean ingestOnly = "ingest".equals(System.getenv("BENCH_ALERTS_PART"));
            if (!ingestOnly) {
                idleSweep(db, "empty watch", sweepSeconds);
            }

            // 2. Rounds with and without a subscription, in pairs whose order alternates (ABBA), so that the machine warming
            // up over the run favours neither side; the subscription is made before a subscribed round, deleted after it.
            for (int round = 0; round < 3; round++) {
                ingestRound(4); // warm-up: JIT, caches and the dataset's pages, untimed
            }
            int pairs = Integer.parseInt(System.getenv().getOrDefault("BENCH_PAIRS", "6"));
            double[] with = new double[pairs];
            double[] without = new double[pairs];
            double[] ratios = new double[pairs];
            for (int pair = 0; pair < pairs; pair++) {
                long watched = 0;
                for (int half = 0; half < 2; half++) {
                    boolean subscribed = (half == 0) == (pair % 2 == 0);
                    if (subscribed) {
                        String id = subscribe(hook);
                        with[pair] = ingestRound(4);
                        watched = count(db, "select count(*) from response_watch");
                        delete(id);
                    } else {
                        without[pair] = ingestRound(4);
                    }
                }
                ratios[pair] = with[pair] / without[pair];
                say(String.format(Locale.ROOT, "ingest  pair %d (%s first): subscribed %,.0f events/s (%,d prospects watched), "
                        + "not subscribed %,.0f events/s: %.2f", pair + 1, pair % 2 == 0 ? "subscribed" : "not subscribed", with[pair],
                        watched, without[pair], ratios[pair]));
            }
            say(String.format(Locale.ROOT, "ingest  medians: subscribed %,.0f, not subscribed %,.0f events/s; median of the pairs' "
                    + "ratios %.2f (target >= 0.9)", median(with), median(without), median(ratios)));

            if (ingestOnly) {
                receiver.stop(0);
                return;
            }
            // 1 again, with a full watch: the subscription stays, and so do the actions it watches.
            String id = subscribe(hook);
            ingestRound(4);
            ingestRound(4);
            say("watch   " + count(db, "select count(*) from response_watch") + " prospects watched, nothing due for hours");
            idleSweep(db, "full watch, right after ingest", sweepSeconds);
            // Then on a quiet machine: the checkpoint and autovacuum the ingest caused have run.
            Thread.sleep(120_000);
            idleSweep(db, "full watch, quiet", sweepSeconds);

            // 3. 10,000 actions of distinct prospects, all due 20 s after they are sent.
            long performed = Instant.now().getEpochSecond() - 86_400 + 20;
            StringBuilder body = new StringBuilder("[");
            // Prospects quiet for eight days: no touch of theirs can answer the new request, and none of their own
            // requests is recent enough to be told, so exactly these 10,000 fall due.
            List<String> quiet = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select external_id from prospect p join journey j "
                    + "on j.id = p.journey_id where j.key = 'bench-report' and p.last_event_at < now() - interval '8 days' "
                    + "and p.id % 50 = " + random.nextInt(50) + " limit " + BATCH)) {
                while (rs.next()) {
                    quiet.add(rs.getString(1));
                }
            }
            for (int i = 0; i < quiet.size(); i++) {
                body.append(i == 0 ? "" : ",").append(event(quiet.get(i), true, random.nextInt(6), performed));
            }
            post(body.append(']').toString());
            long dueMillis = (performed + 86_400 + 1) * 1000;
            received.clear();
            requests.set(0);
            firstArrival.set(0);
            long deadline = System.currentTimeMillis() + 300_000;
            while (received.size() < quiet.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            say(String.format(Locale.ROOT, "due     %,d of %,d actions falling due together: the first told %.1f s and the last %.1f s "
                    + "after their overdue moment (target: within two sweep intervals, %d s); %,d requests, %,d distinct webhook-ids",
                    received.size(), quiet.size(), (firstArrival.get() - dueMillis) / 1000.0, (lastArrival.get() - dueMillis) / 1000.0,
                    2 * sweepSeconds, requests.get(), received.size()));
            delete(id);
        }
        receiver.stop(0);
    }

    /** The sweep with nothing due: the claim statement's cost, and the service's own sweeps meanwhile. */
    void idleSweep(Connection db, String label, int sweepSeconds) throws Exception {
        double[] before = sweepTimer();
        List<Double> millis = new ArrayList<>();
        long buffers = 0;
        // The statement the sweep sends (ResponseWatchStore.claimDue), as the driver prepares it: a generic plan.
        try (Statement s = db.createStatement()) {
            s.execute("prepare claim(timestamptz, int) as select w.prospect_id, w.journey_id, w.next_at, w.told, w.told_at, "
                    + "j.team_id, j.key, j.version, p.external_id, p.actions, p.touches from (select * from response_watch "
                    + "where next_at <= $1 order by next_at limit $2 for update skip locked) w left join prospect p on "
                    + "p.id = w.prospect_id left join journey j on j.id = w.journey_id");
            s.execute("set plan_cache_mode = force_generic_plan");
        }
        for (int i = 0; i < 15; i++) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("explain (analyze, buffers) execute claim(now(), 500)")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (line.startsWith("Execution Time")) {
                        millis.add(Double.parseDouble(line.replaceAll("[^0-9.]", "")));
                    } else if (line.contains("Buffers: shared") && buffers == 0) {
                        buffers = Arrays.stream(line.replaceAll(".*Buffers: shared ", "").split(" "))
                                .mapToLong(p -> Long.parseLong(p.replaceAll("[^0-9]", ""))).sum();
                    }
                }
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("deallocate claim");
            s.execute("reset plan_cache_mode");
        }
        Thread.sleep((4L * sweepSeconds + 2) * 1000);
        double[] after = sweepTimer();
        double sweeps = after[0] - before[0];
        millis.sort(null);
        say(String.format(Locale.ROOT, "sweep   %s, nothing due: claim statement median %.3f ms, %d buffers; the service's %s sweeps "
                + "meanwhile %.1f ms each", label, millis.get(millis.size() / 2), buffers, (long) sweeps,
                sweeps == 0 ? Double.NaN : (after[1] - before[1]) * 1000 / sweeps));
    }

    /** One round of time-ordered batches from two clients; answers events per second. */
    double ingestRound(int batchesPerClient) throws Exception {
        List<String> batches = new ArrayList<>();
        for (int b = 0; b < 2 * batchesPerClient; b++) {
            batches.add(batch());
        }
        ExecutorService clients = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int client = c;
            sent.add(clients.submit(() -> {
                for (int b = client; b < batches.size(); b += 2) {
                    post(batches.get(b));
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        return 2.0 * batchesPerClient * BATCH / seconds;
    }

    static final String[] STEPS = { "notices-risk", "researches-risk", "builds-case", "compares-vendors", "runs-pilot", "decides" };

    /**
     * 10,000 events in the dataset's own mix (Bench.eventsOf): a random stored prospect enters a step, then does 2 to 6
     * things there within the hour, each a request (act-N, SLA P1D) or a touch that answers one (tp-N), half and half.
     * Times advance a second every six prospects, from 23 hours ago, so what is requested is not due during the run.
     */
    String batch() {
        StringBuilder body = new StringBuilder("[");
        int n = 0;
        while (n < BATCH) {
            String prospect = "crm-" + random.nextInt(PROSPECTS);
            int step = random.nextInt(6);
            body.append(n == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"prospect\":\"")
                    .append(prospect).append("\",\"type\":\"STEP_ENTERED\",\"step\":\"").append(STEPS[step])
                    .append("\",\"occurredAt\":\"").append(Instant.ofEpochSecond(clock)).append("\"}");
            n++;
            int extras = 2 + random.nextInt(5);
            for (int x = 0; x < extras && n < BATCH; x++, n++) {
                body.append(',').append(event(prospect, random.nextBoolean(), step, clock + random.nextInt(3_600)));
            }
            // A second per six prospects: 27 rounds of 80,000 events stay within the day the service accepts ahead.
            clock += ++prospectsSent % 6 == 0 ? 1 : 0;
        }
        return body.append(']').toString();
    }

    String event(String prospect, boolean action, int step, long at) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"prospect\":\"" + prospect + "\",\"type\":\""
                + (action ? "ACTION_PERFORMED\",\"action\":\"act-" : "TOUCHPOINT_DELIVERED\",\"touchpoint\":\"tp-") + step
                + "\",\"occurredAt\":\"" + Instant.ofEpochSecond(at) + "\"}";
    }

    void post(String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/journeys/bench-report/events"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    String subscribe(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"types\":[\"response.overdue\",\"response.resolved\"],"
                        + "\"journeys\":[\"bench-report\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(r.body());
        }
        return r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    void delete(String id) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/" + id)).header("Authorization", "Bearer " + KEY)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The journeys.alerts.sweep timer: how many sweeps so far, and their total seconds. */
    double[] sweepTimer() throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        double count = 0;
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("journeys_alerts_sweep_seconds_count")) {
                count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("journeys_alerts_sweep_seconds_sum")) {
                sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new double[] { count, sum };
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    static void say(String line) {
        System.out.println(line);
    }
}
