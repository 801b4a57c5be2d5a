import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * The webhook outbox's delivery side (issue 28): COUNT messages written to the outbox in one transaction, as the
 * due-time sweep will write them, and the time until the service's workers have delivered every one to a receiver
 * on loopback (answering 204 at once), polled from the database. Prints the time, the rate and whether every id
 * arrived exactly once. Usage: java -cp DRIVER Outbox BASE_URL JDBC_URL [COUNT]
 */
public class Outbox {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Set<String> received = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks"))
                .header("Authorization", "Bearer " + System.getenv().getOrDefault("BENCH_KEY", "bench-only-key-not-secret-0000"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hooks\",\"types\":[\"journey.gaps_opened\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.body());
        }
        String subscription = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        try (Connection db = DriverManager.getConnection(args[1], "postgres", "")) {
            db.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = db.prepareStatement("insert into webhook_message (id, subscription_id, type, occurrence, "
                    + "body, status, next_attempt_at, created_at) select 'msg_bench_' || g, ?, 'journey.gaps_opened', 'bench:' || g, "
                    + "'{\"type\":\"journey.gaps_opened\",\"data\":{\"n\":' || g || '}}', 'PENDING', ?, ? from generate_series(1, ?) g")) {
                insert.setString(1, subscription);
                insert.setObject(2, now);
                insert.setObject(3, now);
                insert.setInt(4, count);
                insert.executeUpdate();
            }
            long start = System.nanoTime();
            db.commit();
            db.setAutoCommit(true);
            long delivered = 0;
            while (delivered < count && System.nanoTime() - start < 600_000_000_000L) {
                Thread.sleep(100);
                try (ResultSet rs = db.createStatement().executeQuery(
                        "select count(*) from webhook_message where subscription_id = '" + subscription + "' and status = 'DELIVERED'")) {
                    rs.next();
                    delivered = rs.getLong(1);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "outbox  %,d messages delivered to a loopback receiver in %.1f s (%,.0f messages/s); "
                    + "%,d requests, %,d distinct ids%n", delivered, seconds, delivered / seconds, requests.get(), received.size());
        }
        receiver.stop(0);
        System.exit(0); // the receiver's pool threads would keep the JVM alive
    }
}
