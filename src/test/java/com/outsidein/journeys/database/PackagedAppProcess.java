package com.outsidein.journeys.database;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a real process. */
public final class PackagedAppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The bootstrap key the packaged app is started with, unless a test asks for none. */
    public static final String BOOTSTRAP_KEY = "it-bootstrap-key-not-secret-0000";

    private final Process process;
    private final int port;
    private final Path log;
    private volatile String key;

    private PackagedAppProcess(Process process, int port, Path log, String key) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.key = key;
    }

    /** Starts the jar with {@link #BOOTSTRAP_KEY}. */
    public static PackagedAppProcess start(Map<String, String> systemProperties, Map<String, String> environment)
            throws Exception {
        Map<String, String> withKey = new java.util.HashMap<>(environment);
        withKey.putIfAbsent("JOURNEYS_BOOTSTRAP_KEY", BOOTSTRAP_KEY);
        return launch(systemProperties, withKey, BOOTSTRAP_KEY);
    }

    /** Starts the jar with no bootstrap key: it makes its own first key when the database has none. */
    static PackagedAppProcess startWithoutBootstrapKey(Map<String, String> systemProperties) throws Exception {
        return launch(systemProperties, Map.of(), null);
    }

    /** The key later requests send. */
    void useKey(String newKey) {
        this.key = newKey;
    }

    private static PackagedAppProcess launch(Map<String, String> systemProperties, Map<String, String> environment,
            String key) throws Exception {
        String jar = System.getProperty("quarkus-run.jar", "target/quarkus-app/quarkus-run.jar");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar));
        Path log = Files.createTempFile("journeys-it-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("JOURNEYS_"));
        builder.environment().putAll(environment);
        PackagedAppProcess app = new PackagedAppProcess(builder.start(), port, log, key);
        app.awaitReady(Duration.ofSeconds(120));
        return app;
    }

    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where the application listens, e.g. {@code http://localhost:21734}. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM and wait: the way an orchestrator stops the service. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** SIGKILL: no shutdown hook runs, so an embedded server is left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (send("GET", "/q/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application was not ready in " + timeout + ":\n" + log());
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up on Linux). A port taken with
     * {@code new ServerSocket(0)} comes from that range and is released before the application binds it,
     * so the embedded PostgreSQL, which picks its own port the same way while the application starts,
     * could take it first (seen once in CI: "Port 32775 seems to be in use").
     */
    private static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    public static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
