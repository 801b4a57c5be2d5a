import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Does the ingest rate depend on what the service did before? (bench/history.sh.) One service's life:
 * optionally a small journey first (600 prospects posted in batches of 250, then a few reports), then a
 * shuffled import of 20,000 prospects into a new journey in batches of 10,000 from one client, timed
 * batch by batch. Usage: History BASE JDBC LABEL small|none SEED.
 */
public class History {

    public static void main(String[] args) throws Exception {
        String label = args[2];
        boolean smallFirst = args[3].equals("small");
        long seed = Long.parseLong(args[4]);
        Bench bench = new Bench(args[0], args[1], 20_000, seed);
        try {
            if (smallFirst) {
                String small = "history-small-" + seed;
                bench.putJourney(small);
                post(bench, small, events(bench, 0, 600, seed), 250);
                for (String report : List.of("conversion?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "responses",
                        "responses/open", "stale", "transitions")) {
                    get(bench, small, report);
                }
            }
            String journey = "history-import-" + seed;
            bench.putJourney(journey);
            List<String> events = events(bench, 100_000, 120_000, seed);
            long start = System.nanoTime();
            List<Double> batches = post(bench, journey, events, Bench.BATCH);
            double seconds = (System.nanoTime() - start) / 1e9;
            String line = String.format("history %-28s %-5s %,7d events in %5.2f s = %,7.0f events/s; batches (s): %s%n", label,
                    smallFirst ? "small" : "fresh", events.size(), seconds, events.size() / seconds,
                    batches.stream().map(b -> String.format("%.2f", b)).toList());
            System.out.print(line);
            Files.writeString(Path.of(System.getenv().getOrDefault("BENCH_OUT", "bench/last-run.txt")), line,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } finally {
            System.exit(0);
        }
    }

    /** The events of prospects [from, to) as JSON objects, shuffled: a CRM export in no useful order. */
    static List<String> events(Bench bench, int from, int to, long seed) {
        List<String> all = new ArrayList<>();
        for (int p = from; p < to; p++) {
            for (Bench.Event e : bench.eventsOf(p)) {
                StringBuilder json = new StringBuilder();
                Bench.appendJson(json, e);
                all.add(json.toString());
            }
        }
        Collections.shuffle(all, new Random(seed));
        return all;
    }

    /** Posts in batches of {@code size}; answers each batch's seconds. */
    static List<Double> post(Bench bench, String journey, List<String> events, int size) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < events.size(); i += size) {
            String body = "[" + String.join(",", events.subList(i, Math.min(events.size(), i + size))) + "]";
            long start = System.nanoTime();
            bench.post(journey, body);
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return seconds;
    }

    static void get(Bench bench, String journey, String report) throws Exception {
        HttpResponse<String> r = bench.http.send(HttpRequest.newBuilder(URI.create(bench.base + "/api/v1/journeys/" + journey
                + "/reports/" + report)).header("Authorization", Bench.AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(report + ": " + r.statusCode() + " " + r.body());
        }
    }
}
