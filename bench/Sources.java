import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Segment calls through /api/v1/sources/segment/v1/batch against the same kind of events through the native
 * endpoint, side by side on the kept 1 M-prospect dataset (journey bench-report). Each round generates
 * BATCHES batches of 500 calls over existing prospects, time-ordered in 2026: 40 % track calls of mapped
 * actions and touchpoints, 20 % pages of mapped steps, 20 % identify calls (the person's same role each time,
 * a changed plan one time in ten), 20 % track calls no journey maps. The native round posts the events those calls mean (one request per 500 calls, attributes
 * where an identify came first); rounds alternate, two clients each. JDK only.
 * Usage: java Sources.java BASE_URL PROSPECTS [ROUNDS] [BATCHES_PER_ROUND]
 */
public class Sources {

    static final String AUTH = "Bearer " + System.getenv().getOrDefault("BENCH_KEY", "bench-only-key-not-secret-0000");
    static final String[] STEPS = { "notices-risk", "researches-risk", "builds-case", "compares-vendors", "runs-pilot", "decides" };
    /** BENCH_IDENTIFY=0 sends unmapped tracks instead of identify calls: the receiver's cost without traits. */
    /** BENCH_MIX=uniform: calls spread uniformly over every prospect instead of visits by the engaged ones. */
    static final boolean SESSIONS = !"uniform".equals(System.getenv("BENCH_MIX"));
    static final boolean NO_IDENTIFY = "0".equals(System.getenv("BENCH_IDENTIFY"));
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Batch(String segment, String nativeEvents, int calls, int events) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int prospects = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        mapCalls(base);
        Random random = new Random(20261206);
        long clock = java.time.Instant.parse("2026-01-05T00:00:00Z").getEpochSecond();
        double[] source = new double[rounds];
        double[] nativeRate = new double[rounds];
        for (int r = -1; r < rounds; r++) {
            List<Batch> a = new ArrayList<>();
            List<Batch> b = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                a.add(batch(random, prospects, clock));
                clock += 600;
                b.add(batch(random, prospects, clock));
                clock += 600;
            }
            double s = post(base, a, true);
            double n = post(base, b, false);
            if (r >= 0) {
                source[r] = s;
                nativeRate[r] = n;
            }
            System.out.printf(Locale.ROOT, "round %s: sources %,.0f events/s (%,.0f calls/s), native %,.0f events/s%n",
                    r < 0 ? "warm-up" : String.valueOf(r + 1), s, s * calls(a) / events(a), n);
        }
        Arrays.sort(source);
        Arrays.sort(nativeRate);
        double ms = source[rounds / 2];
        double mn = nativeRate[rounds / 2];
        System.out.printf(Locale.ROOT, "sources median %,.0f events/s, native median %,.0f events/s, ratio %.2f (target >= 0.70)%n",
                ms, mn, ms / mn);
    }

    static double calls(List<Batch> batches) {
        return batches.stream().mapToInt(Batch::calls).sum();
    }

    static double events(List<Batch> batches) {
        return batches.stream().mapToInt(Batch::events).sum();
    }

    /** Adds sourceEvents to the benchmark journey: a page per step, a track per action and per touchpoint. */
    static void mapCalls(String base) throws Exception {
        String doc = send(base, "GET", "/api/v1/journeys/bench-report", null);
        if (doc.contains("\"sourceEvents\"")) {
            return; // mapped by an earlier run on this dataset
        }
        for (int s = 0; s < STEPS.length; s++) {
            doc = doc.replace("\"key\":\"" + STEPS[s] + "\",", "\"key\":\"" + STEPS[s] + "\",\"sourceEvents\":[{\"type\":\"PAGE\",\"name\":\"Step " + s + "\"}],");
            doc = doc.replace("\"key\":\"act-" + s + "\",", "\"key\":\"act-" + s + "\",\"sourceEvents\":[{\"type\":\"TRACK\",\"name\":\"Action " + s + "\"}],");
            doc = doc.replace("\"key\":\"tp-" + s + "\",", "\"key\":\"tp-" + s + "\",\"sourceEvents\":[{\"type\":\"TRACK\",\"name\":\"Touch " + s
                    + "\",\"where\":{\"channel\":\"email\"}}],");
        }
        send(base, "PUT", "/api/v1/journeys/bench-report", doc);
    }

    /** 500 calls over random existing prospects, 10 minutes of time; and the native events they mean. */
    static Batch batch(Random random, int prospects, long from) {
        return SESSIONS ? sessions(random, prospects, from) : uniform(random, prospects, from);
    }

    /**
     * As a CDP's traffic looks: visits. Each visit is one of the 50,000 prospects engaged this month, sending an
     * identify (its same traits; a changed plan one visit in twenty) and then 2 to 5 calls: pages of mapped steps,
     * tracks of mapped actions and touchpoints, and tracks nothing maps (a fifth of all calls).
     */
    static Batch sessions(Random random, int prospects, long from) {
        StringBuilder segment = new StringBuilder("{\"sentAt\":\"" + java.time.Instant.now() + "\",\"batch\":[");
        StringBuilder events = new StringBuilder("[");
        int count = 0;
        int calls = 0;
        while (calls < 500) {
            String prospect = "crm-" + (Math.floorMod(new Random(random.nextInt(50_000)).nextInt(), prospects));
            String role = (prospect.hashCode() & 1) == 0 ? "cro" : "analyst";
            String plan = random.nextInt(20) == 0 ? "enterprise" : "pro";
            int visit = 1 + 2 + random.nextInt(4);
            for (int v = 0; v < visit && calls < 500; v++, calls++) {
                String time = java.time.Instant.ofEpochSecond(from + calls).toString();
                String common = "\"userId\":\"" + prospect + "\",\"messageId\":\"" + UUID.randomUUID() + "\",\"timestamp\":\""
                        + time + "\",\"context\":{\"library\":{\"name\":\"analytics-node\",\"version\":\"2.1.0\"}}";
                segment.append(calls == 0 ? "" : ",");
                int s = random.nextInt(STEPS.length);
                double kind = random.nextDouble();
                String type = null;
                if (v == 0) {
                    segment.append("{\"type\":\"identify\",\"traits\":{\"role\":\"").append(role).append("\",\"plan\":\"")
                            .append(plan).append("\"},").append(common).append("}");
                } else if (kind < 0.26) {
                    segment.append("{\"type\":\"track\",\"event\":\"Video Played\",").append(common).append("}");
                } else if (kind < 0.5) {
                    segment.append("{\"type\":\"page\",\"name\":\"Step ").append(s).append("\",").append(common).append("}");
                    type = "\"STEP_ENTERED\",\"step\":\"" + STEPS[s] + "\"";
                } else if (kind < 0.75) {
                    segment.append("{\"type\":\"track\",\"event\":\"Action ").append(s).append("\",").append(common).append("}");
                    type = "\"ACTION_PERFORMED\",\"action\":\"act-" + s + "\"";
                } else {
                    segment.append("{\"type\":\"track\",\"event\":\"Touch ").append(s).append("\",\"properties\":{\"channel\":\"email\"},")
                            .append(common).append("}");
                    type = "\"TOUCHPOINT_DELIVERED\",\"touchpoint\":\"tp-" + s + "\"";
                }
                if (type != null) {
                    // A native client carries the visitor's traits on the visit's events.
                    events.append(count++ == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"prospect\":\"")
                            .append(prospect).append("\",\"type\":").append(type).append(",\"occurredAt\":\"").append(time)
                            .append("\",\"attributes\":{\"role\":\"").append(role).append("\",\"plan\":\"").append(plan).append("\"}}");
                }
            }
        }
        return new Batch(segment.append("]}").toString(), events.append("]").toString(), 500, count);
    }

    static Batch uniform(Random random, int prospects, long from) {
        StringBuilder segment = new StringBuilder("{\"sentAt\":\"" + java.time.Instant.now() + "\",\"batch\":[");
        StringBuilder events = new StringBuilder("[");
        int count = 0;
        java.util.Map<String, String> traits = new java.util.HashMap<>();
        for (int i = 0; i < 500; i++) {
            String prospect = "crm-" + random.nextInt(prospects);
            String time = java.time.Instant.ofEpochSecond(from + i).toString();
            int s = random.nextInt(STEPS.length);
            double kind = random.nextDouble();
            String common = "\"userId\":\"" + prospect + "\",\"messageId\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"" + time
                    + "\",\"context\":{\"library\":{\"name\":\"analytics-node\",\"version\":\"2.1.0\"}}";
            segment.append(i == 0 ? "" : ",");
            String type = null;
            String element = null;
            if (kind < 0.2 || (kind < 0.4 && NO_IDENTIFY)) {
                segment.append("{\"type\":\"track\",\"event\":\"Video Played\",").append(common).append("}");
            } else if (kind < 0.4 && !NO_IDENTIFY) {
                // As CDPs send them: the same traits on every visit, and now and then (one in ten) a change.
                String role = (prospect.hashCode() & 1) == 0 ? "cro" : "analyst";
                String plan = random.nextInt(10) == 0 ? "enterprise-" + random.nextInt(4) : "pro";
                traits.put(prospect, role + "\",\"plan\":\"" + plan);
                segment.append("{\"type\":\"identify\",\"traits\":{\"role\":\"").append(role).append("\",\"plan\":\"")
                        .append(plan).append("\"},").append(common).append("}");
            } else if (kind < 0.6) {
                segment.append("{\"type\":\"page\",\"name\":\"Step ").append(s).append("\",").append(common).append("}");
                type = "\"STEP_ENTERED\",\"step\":\"" + STEPS[s] + "\"";
            } else if (kind < 0.8) {
                segment.append("{\"type\":\"track\",\"event\":\"Action ").append(s).append("\",\"properties\":{\"plan\":\"pro\"},")
                        .append(common).append("}");
                type = "\"ACTION_PERFORMED\",\"action\":\"act-" + s + "\"";
            } else {
                segment.append("{\"type\":\"track\",\"event\":\"Touch ").append(s).append("\",\"properties\":{\"channel\":\"email\"},")
                        .append(common).append("}");
                type = "\"TOUCHPOINT_DELIVERED\",\"touchpoint\":\"tp-" + s + "\"";
            }
            if (type != null) {
                String role = traits.get(prospect);
                events.append(count++ == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"prospect\":\"")
                        .append(prospect).append("\",\"type\":").append(type).append(",\"occurredAt\":\"").append(time).append("\"")
                        .append(role == null ? "" : ",\"attributes\":{\"role\":\"" + role + "\"}").append("}");
            }
        }
        return new Batch(segment.append("]}").toString(), events.append("]").toString(), 500, count);
    }

    /** Posts the batches from two clients in order; answers events per second. */
    static double post(String base, List<Batch> batches, boolean segment) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                for (int i = client; i < batches.size(); i += 2) {
                    Batch b = batches.get(i);
                    send(base, "POST", segment ? "/api/v1/sources/segment/v1/batch" : "/api/v1/journeys/bench-report/events",
                            segment ? b.segment() : b.nativeEvents());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        return events(batches) / ((System.nanoTime() - start) / 1e9);
    }

    static String send(String base, String method, String path, String body) throws Exception {
        for (;;) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", AUTH);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) {
                Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
