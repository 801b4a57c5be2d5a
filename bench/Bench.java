import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Benchmark of event ingest and the conversion report, run against the packaged service and its
 * PostgreSQL in one run (see bench/README.md). Usage:
 *   java -cp postgresql.jar bench/Bench.java BASE_URL JDBC_URL PROSPECTS [SEED]
 */
public class Bench {

    static final String[] STEPS = { "notices-risk", "researches-risk", "builds-case", "compares-vendors", "runs-pilot", "decides" };
    /** Chance of moving on from each step; the fourth step is optional and skipped by some. */
    static final double[] CONTINUE = { 0.55, 0.62, 0.58, 0.52, 0.45 };
    /** Mean days spent in each step before moving on. */
    static final double[] MEAN_GAP_DAYS = { 4, 9, 12, 6, 20 };
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final int BATCH = 10_000;

    final String base;
    final String jdbc;
    final int prospects;
    final long seed;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final StringBuilder report = new StringBuilder();

    Bench(String base, String jdbc, int prospects, long seed) {
        this.base = base;
        this.jdbc = jdbc;
        this.prospects = prospects;
        this.seed = seed;
    }

    /** The service answers nothing without a key: run.sh starts it with this one as its bootstrap key. */
    static final String AUTHORIZATION = "Bearer " + System.getenv().getOrDefault("BENCH_KEY", "bench-only-key-not-secret-0000");

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } catch (Exception | Error e) {
            // A failed client thread must not leave the other one (a non-daemon pool thread) keeping the JVM up.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        Bench bench = new Bench(args[0], args[1], Integer.parseInt(args[2]), args.length > 3 ? Long.parseLong(args[3]) : 20261124L);
        String mode = System.getenv().getOrDefault("BENCH_MODE", "reports");
        if (mode.equals("reports")) {
            bench.run();
        } else {
            realOrders(bench, mode);
        }
        if (RETRIED_503.get() > 0) {
            bench.log("note    " + RETRIED_503.get() + " batches were answered 503 and sent again after Retry-After (stderr has each answer)");
        }
    }

    private static void realOrders(Bench bench, String mode) throws Exception {
        // bench/orders.sh: the real orders of ingest on the kept dataset (issue 11), see RealOrders.
        int sample = Integer.parseInt(System.getenv().getOrDefault("BENCH_ORDER_SAMPLE", "200000"));
        try (Connection db = DriverManager.getConnection(bench.jdbc, "postgres", "")) {
            if (count(db, "select count(*) from journey where key = 'bench-report'") == 0) {
                throw new IllegalStateException("no dataset: load it first with BENCH_DATA_DIR=dir bash bench/run.sh full");
            }
            bench.report.append(Files.exists(LAST_RUN) ? Files.readString(LAST_RUN) : "");
            RealOrders orders = new RealOrders(bench, db);
            switch (mode) {
                case "orders-warm" -> orders.warm(sample);
                case "orders-first-minute-b" -> orders.firstMinute(false, sample * 15);
                case "orders-first-minute-c" -> orders.firstMinute(true, sample * 15);
                case "orders-time-ordered" -> orders.timeOrderedOnly(sample, System.getenv().getOrDefault("BENCH_LABEL", "this build"));
                default -> throw new IllegalArgumentException("BENCH_MODE " + mode);
            }
        }
    }

    static final Path LAST_RUN = Path.of(System.getenv().getOrDefault("BENCH_OUT", "bench/last-run.txt"));

    /** One generated event; the same seed and prospect index always give the same events. */
    record Event(UUID id, String prospect, int type, String element, long epochSecond, String attributes) {
    }

    /** Attributes as a CRM form sends them: some people sign up twice, some forms invert the casing. */
    String attributesOf(int p, SplittableRandom random) {
        int person = p % 50 == 49 ? p - 1 : p;
        String first = "Person" + person;
        String email = p % 50 == 49 ? "Person." + person + "@Example.com" : "person" + person + "@example.com";
        String name = random.nextInt(100) == 0 ? "pERSON nUMBER" : first + " Number";
        String role = new String[] { "cro", "cfo", "it" }[random.nextInt(3)];
        return "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\"}";
    }

    List<Event> eventsOf(int p) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + p);
        List<Event> events = new ArrayList<>();
        String prospect = "crm-" + p;
        long t = START.getEpochSecond() + (long) (random.nextDouble() * 365 * 86_400);
        int counter = 0;
        for (int s = 0; s < STEPS.length; s++) {
            if (s == 3 && random.nextDouble() < 0.3) {
                continue; // optional step skipped
            }
            events.add(new Event(uuid(p, counter++), prospect, 1, STEPS[s], t, s == 0 ? attributesOf(p, random) : null));
            if (random.nextDouble() < 0.05) {
                events.add(new Event(uuid(p, counter++), prospect, 1, STEPS[s], t + 3_600 + random.nextInt(86_400), null));
            }
            int extras = 2 + random.nextInt(5);
            for (int x = 0; x < extras; x++) {
                boolean action = random.nextBoolean();
                events.add(new Event(uuid(p, counter++), prospect, action ? 2 : 3,
                        (action ? "act-" : "tp-") + s, t + random.nextInt(3 * 86_400), null));
            }
            if (s == STEPS.length - 1 || random.nextDouble() > CONTINUE[s]) {
                break;
            }
            t += (long) (-Math.log(1 - random.nextDouble()) * MEAN_GAP_DAYS[s] * 86_400) + 600;
        }
        return events;
    }

    UUID uuid(int p, int n) {
        return new UUID(seed ^ 0x5DEECE66DL, ((long) p << 16) | n);
    }

    void run() throws Exception {
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java "
                + Runtime.version();
        log("# Benchmark: " + prospects + " prospects, seed " + seed + " (" + machine + ")");
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            db.setAutoCommit(true);
            boolean reuse = count(db, "select count(*) from journey where key = 'bench-report'") > 0;
            if (reuse) {
                log("reusing the loaded dataset (BENCH_DATA_DIR): ingest not measured");
            } else {
            // (a) ingest: HTTP batches vs raw COPY of the same rows, alternating, three samples each.
            int chunk = Math.max(1_000, prospects / 20);
            // One untimed round of each first, like the reports' warm-up run: the service's JIT and the
            // database's first WAL segments and autovacuum of a new table otherwise land on sample 1.
            putJourney("bench-ingest-http-warmup");
            putJourney("bench-ingest-copy-warmup");
            ingestHttp("bench-ingest-http-warmup", 3 * chunk, 4 * chunk, 2);
            copyEvents(db, "bench-ingest-copy-warmup", 3 * chunk, 4 * chunk);
            double[] httpRates = new double[3];
            double[] copyRates = new double[3];
            for (int round = 0; round < 3; round++) {
                int from = round * chunk;
                String httpJourney = "bench-ingest-http-" + round;
                String copyJourney = "bench-ingest-copy-" + round;
                putJourney(httpJourney);
                putJourney(copyJourney);
                httpRates[round] = ingestHttp(httpJourney, from, from + chunk, 2);
                copyRates[round] = copyEvents(db, copyJourney, from, from + chunk);
            }
            Arrays.sort(httpRates);
            Arrays.sort(copyRates);
            log(String.format(Locale.ROOT, "ingest  HTTP batches of %d (2 clients): median %,.0f events/s (samples %s)", BATCH,
                    httpRates[1], fmt(httpRates)));
            log(String.format(Locale.ROOT, "ingest  raw COPY into event:            median %,.0f events/s (samples %s)",
                    copyRates[1], fmt(copyRates)));
            log(String.format(Locale.ROOT, "ingest  HTTP / COPY = %.2f (target >= 0.50); HTTP target >= 50,000 events/s",
                    httpRates[1] / copyRates[1]));

            // (b) the report dataset, loaded through the API.
            putJourney("bench-report");
            long loadStart = System.nanoTime();
            double loadRate = ingestHttp("bench-report", 0, prospects, 2);
            long events = count(db, "select events from journey_ingest j join journey x on x.id = j.journey_id where x.key = 'bench-report'");
            log(String.format(Locale.ROOT, "dataset %,d prospects, %,d events loaded over HTTP in %.0f s (%,.0f events/s)",
                    prospects, events, (System.nanoTime() - loadStart) / 1e9, loadRate));
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze event");
                s.execute("vacuum analyze prospect");
            }
            }
            String journey = "bench-report";
            long journeyId = count(db, "select id from journey where key = '" + journey + "'");
            String from = "2025-01-01T00:00:00Z";
            String to = "2026-01-01T00:00:00Z";
            String reportUrl = base + "/api/v1/journeys/" + journey + "/reports/conversion?from=" + from + "&to=" + to;
            String body = get(reportUrl);
            log("report  first funnel: " + body.substring(body.indexOf("\"steps\""), Math.min(body.length(), body.indexOf("\"steps\"") + 400)) + "...");
            double[] api = time(7, () -> get(reportUrl));
            double[] countScan = time(7, () -> count(db, "select count(*) from event where journey_id = " + journeyId
                    + " and occurred_at >= '" + from + "' and occurred_at < '" + to + "'"));
            double[] lateral = time(3, () -> lateralFunnel(db, journeyId, from, to));
            log(String.format(Locale.ROOT, "report  conversion over HTTP:         median %8.1f ms (%s)", api[api.length / 2], fmtMs(api)));
            log(String.format(Locale.ROOT, "report  count(*) of events in range:  median %8.1f ms (%s)", countScan[countScan.length / 2], fmtMs(countScan)));
            log(String.format(Locale.ROOT, "report  LEFT JOIN LATERAL funnel:     median %8.1f ms (%s)", lateral[lateral.length / 2], fmtMs(lateral)));
            log(String.format(Locale.ROOT, "report  LATERAL / HTTP = %.1fx (target >= 10x); count(*) / HTTP = %.2f (target >= 1); HTTP target < 1000 ms",
                    lateral[lateral.length / 2] / api[api.length / 2], countScan[countScan.length / 2] / api[api.length / 2]));
            String reports = base + "/api/v1/journeys/" + journey + "/reports/";
            String asOf = "asOf=2026-03-01T00:00:00Z";
            for (String live : List.of("responses?from=" + from + "&to=" + to + "&" + asOf, "responses/open?" + asOf,
                    "contact-pressure?window=P7D&cap=8", "stale?" + asOf, "transitions?" + asOf, "data-quality",
                    "misdirected?from=" + from + "&to=" + to,
                    // What moves a prospect on from step 1: the whole population of the year, one scan.
                    "drivers?step=" + STEPS[0] + "&from=" + from + "&to=" + to)) {
                double[] ms = time(5, () -> get(reports + live));
                log(String.format(Locale.ROOT, "live    %-34s median %8.1f ms (%s; target < 2000 ms)",
                        live.replaceAll("\\?.*", ""), ms[ms.length / 2], fmtMs(ms)));
            }
        }
    }

    void putJourney(String key) throws Exception {
        StringBuilder steps = new StringBuilder();
        for (int s = 0; s < STEPS.length; s++) {
            steps.append(s == 0 ? "" : ",").append("{\"key\":\"").append(STEPS[s]).append("\",\"name\":\"Step ").append(s + 1)
                    .append("\",\"optional\":").append(s == 3).append(",\"staleAfter\":\"P30D\",\"touchpoints\":[{\"key\":\"tp-").append(s)
                    .append("\",\"name\":\"Touch\",\"channel\":\"EMAIL\",\"mode\":\"HUMAN\",\"owner\":\"Team\",")
                    // Who must not get it: the three rule kinds the misdirected report evaluates per delivery.
                    .append("\"excludes\":[{\"type\":\"ATTRIBUTE_IN\",\"attribute\":\"role\",\"values\":[\"cro\"]},")
                    .append("{\"type\":\"REACHED_STEP\",\"step\":\"").append(STEPS[STEPS.length - 1]).append("\"},")
                    .append("{\"type\":\"ACTION_PERFORMED\",\"action\":\"act-").append(STEPS.length - 1).append("\"}]}],")
                    .append("\"actions\":[{\"key\":\"act-").append(s).append("\",\"name\":\"Act\",\"expectsResponse\":true,")
                    .append("\"responseSla\":\"P1D\",\"respondedBy\":[\"tp-").append(s).append("\"]}]}");
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/journeys/" + key))
                .header("Authorization", AUTHORIZATION).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Benchmark\",\"steps\":[" + steps + "],\"transitions\":["
                        + transitions() + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.body());
        }
    }

    static String transitions() {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s + 1 < STEPS.length; s++) {
            out.append(s == 0 ? "" : ",").append("{\"from\":\"").append(STEPS[s]).append("\",\"to\":\"").append(STEPS[s + 1])
                    .append("\",\"match\":\"ANY\",\"conditions\":[{\"type\":\"ACTION_PERFORMED\",\"action\":\"act-").append(s)
                    .append("\"},{\"type\":\"TOUCHPOINT_RECEIVED\",\"touchpoint\":\"tp-").append(s)
                    .append("\"},{\"type\":\"TIME_IN_STEP_AT_LEAST\",\"duration\":\"P3D\"},")
                    .append("{\"type\":\"ATTRIBUTE_EQUALS\",\"attribute\":\"role\",\"value\":\"cro\"}]}");
        }
        return out.toString();
    }

    /** Posts the events of prospects [from, to) in batches from several clients; answers events per second. */
    double ingestHttp(String journey, int from, int to, int clients) throws Exception {
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        int perClient = (to - from + clients - 1) / clients;
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int lo = from + c * perClient;
            int hi = Math.min(to, lo + perClient);
            futures.add(pool.submit(() -> {
                StringBuilder json = new StringBuilder();
                int inBatch = 0;
                for (int p = lo; p < hi; p++) {
                    for (Event e : eventsOf(p)) {
                        json.append(inBatch == 0 ? "[" : ",");
                        appendJson(json, e);
                        if (++inBatch == BATCH) {
                            post(journey, json.append(']').toString());
                            sent.addAndGet(inBatch);
                            json.setLength(0);
                            inBatch = 0;
                        }
                    }
                }
                if (inBatch > 0) {
                    post(journey, json.append(']').toString());
                    sent.addAndGet(inBatch);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return sent.get() / ((System.nanoTime() - start) / 1e9);
    }

    static void appendJson(StringBuilder json, Event e) {
        json.append("{\"id\":\"").append(e.id()).append("\",\"prospect\":\"").append(e.prospect()).append("\",\"type\":\"")
                .append(e.type() == 1 ? "STEP_ENTERED\",\"step\":\"" : e.type() == 2 ? "ACTION_PERFORMED\",\"action\":\""
                        : "TOUCHPOINT_DELIVERED\",\"touchpoint\":\"")
                .append(e.element()).append("\",\"occurredAt\":\"").append(Instant.ofEpochSecond(e.epochSecond())).append('"');
        if (e.attributes() != null) {
            json.append(",\"attributes\":").append(e.attributes());
        }
        json.append('}');
    }

    /** Batches sent again after a 503 during this client's run. */
    static final java.util.concurrent.atomic.AtomicInteger RETRIED_503 = new java.util.concurrent.atomic.AtomicInteger();

    void post(String journey, String body) {
        post(journey, body, 1);
    }

    private void post(String journey, String body, int attempt) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/journeys/" + journey + "/events"))
                    .header("Authorization", AUTHORIZATION).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503 && attempt < 5) {
                // What a CRM does with a 503: wait as told and send the same batch again. Counted, and said.
                long wait = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"));
                System.err.println("503 (" + response.body() + "): batch sent again after " + wait + " s");
                RETRIED_503.incrementAndGet();
                Thread.sleep(wait * 1000);
                post(journey, body, attempt + 1);
                return;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw COPY of the same event rows into the event table (prospects made first, untimed); answers events per second. */
    double copyEvents(Connection db, String journey, int from, int to) throws Exception {
        long journeyId = count(db, "select id from journey where key = '" + journey + "'");
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder prospectsCsv = new StringBuilder();
        for (int p = from; p < to; p++) {
            prospectsCsv.append(journeyId).append("\tcrm-").append(p).append("\t2025-01-01T00:00:00Z\t2025-01-01T00:00:00Z\n");
        }
        copy.copyIn("copy prospect (journey_id, external_id, first_seen_at, last_event_at) from stdin",
                new StringReader(prospectsCsv.toString()));
        long firstId = count(db, "select min(id) from prospect where journey_id = " + journeyId);
        StringBuilder rows = new StringBuilder();
        long n = 0;
        for (int p = from; p < to; p++) {
            for (Event e : eventsOf(p)) {
                rows.append(journeyId).append('\t').append(e.id()).append('\t').append(firstId + (p - from)).append('\t')
                        .append(e.type()).append('\t').append(e.element()).append('\t')
                        .append(Instant.ofEpochSecond(e.epochSecond())).append('\t')
                        .append(e.attributes() == null ? "\\N" : e.attributes().replace("\\", "\\\\")).append('\n');
                n++;
            }
        }
        String data = rows.toString();
        long start = System.nanoTime();
        copy.copyIn("copy event (journey_id, id, prospect_id, type, element, occurred_at, attributes) from stdin",
                new StringReader(data));
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** The classic SQL funnel: one LEFT JOIN LATERAL per step over raw events (ordered, 90-day window). */
    long lateralFunnel(Connection db, long journeyId, String from, String to) {
        StringBuilder sql = new StringBuilder("with s0 as (select prospect_id, min(occurred_at) as t0 from event where journey_id = ")
                .append(journeyId).append(" and type = 1 and element = '").append(STEPS[0])
                .append("' group by prospect_id having min(occurred_at) >= '").append(from).append("' and min(occurred_at) < '")
                .append(to).append("') select count(*)");
        for (int s = 1; s < STEPS.length; s++) {
            sql.append(", count(l").append(s).append(".t)");
        }
        sql.append(" from s0");
        for (int s = 1; s < STEPS.length; s++) {
            String previous = s == 1 ? "s0.t0" : "l" + (s - 1) + ".t";
            sql.append(" left join lateral (select min(e.occurred_at) as t from event e where e.prospect_id = s0.prospect_id")
                    .append(" and e.type = 1 and e.element = '").append(STEPS[s]).append("' and e.occurred_at >= ").append(previous)
                    .append(" and e.occurred_at <= s0.t0 + interval '90 days') l").append(s).append(" on true");
        }
        return count(db, sql.toString());
    }

    static long count(Connection db, String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTHORIZATION).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Work {
        Object run() throws Exception;
    }

    static double[] time(int runs, Work work) throws Exception {
        work.run(); // warm-up, not counted
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static String fmt(double[] rates) {
        StringBuilder out = new StringBuilder();
        for (double r : rates) {
            out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", r));
        }
        return out.toString();
    }

    static String fmtMs(double[] ms) {
        StringBuilder out = new StringBuilder();
        for (double m : ms) {
            out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", m));
        }
        return out.toString() + " ms";
    }

    void log(String line) throws IOException {
        System.out.println(line);
        report.append(line).append('\n');
        Files.writeString(LAST_RUN, report.toString());
    }
}
