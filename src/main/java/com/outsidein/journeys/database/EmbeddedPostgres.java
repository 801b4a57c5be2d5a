package com.outsidein.journeys.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.sun.management.OperatingSystemMXBean;

/** Owns the one embedded PostgreSQL server of this JVM: started on first use, stopped at JVM exit. */
public final class EmbeddedPostgres {

    static final String USER = "postgres";
    /** Survives Quarkus restarts (dev-mode reloads, test profiles) that load this class again. */
    private static final String RUNNING_URL_PROPERTY = "com.outsidein.journeys.embedded-postgres-url";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
    /**
     * WAL written before a durable server checkpoints ahead of its 15 minutes. After each checkpoint the first
     * change of every page logs the whole page; time-ordered ingest at 3 M prospects wrote 4 GB in under two
     * minutes, so each checkpoint brought on the next: 16 GB took it from 11,286 / 13,046 to 19,983 / 19,307
     * events/s side by side (bench/notes/, the ingest-order passes). A ceiling, not a reservation: a quiet server keeps little.
     */
    static final String DEFAULT_MAX_WAL_SIZE = "16GB";

    /** Where and how to run the server; a null data directory means a throw-away one. */
    record Settings(String dataDir, boolean durable, int port, String sharedBuffers, String maxWalSize) {
    }

    private EmbeddedPostgres() {
    }

    /**
     * PostgreSQL's own starting advice for shared_buffers, a quarter of the memory (of the container, where
     * there is one). Time-ordered ingest touches random prospect rows and index pages all over the data; a
     * 1 GB cache at a million prospects kept evicting pages it needed next (bench/notes/, the ingest-order passes).
     */
    static String quarterOfMemory() {
        long bytes = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return Math.max(128, bytes / 4 / (1024 * 1024)) + "MB";
    }

    static synchronized String startOnce(Settings settings) {
        String running = System.getProperty(RUNNING_URL_PROPERTY);
        if (running != null) {
            return running;
        }
        String url = start(settings);
        System.setProperty(RUNNING_URL_PROPERTY, url);
        return url;
    }

    private static String start(Settings settings) {
        try {
            boolean throwAway = settings.dataDir() == null;
            Path dataDir = throwAway
                    ? Files.createTempDirectory("journeys-pg-")
                    : Path.of(settings.dataDir()).toAbsolutePath();
            Files.createDirectories(dataDir);
            if (!throwAway) {
                stopOrphanedServer(dataDir);
            }
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setDataDirectory(dataDir.toFile())
                            .setCleanDataDirectory(throwAway)
                            .setPort(settings.port())
                            .setPGStartupWait(Duration.ofSeconds(60));
            if (settings.durable()) {
                // Zonky starts the server with -F and synchronous_commit=off; a user's data needs both on.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                // Time-ordered ingest touches random pages of a large prospect table and event indexes. With
                // PostgreSQL's defaults (128 MB buffers, a checkpoint per 1 GB of WAL) every checkpoint made the
                // next change of each page write a whole 8 kB image: 13.9 kB of WAL per event and a checkpoint
                // every 4 batches (bench/notes/, the ingest-order passes). Bigger buffers and checkpoint spacing cut that;
                // the cost is a longer crash recovery and up to max_wal_size of WAL on disk. Page images stay
                // uncompressed: these binaries have only pglz, which cost more CPU than the bytes it saved; after
                // a restart at 3 M prospects the first minute ran twice as fast without it, at 7.0-7.5 kB of WAL
                // per event against 5.5-7.0 (1.6 times the bytes over the warm samples).
                builder.setServerConfig("shared_buffers", settings.sharedBuffers()).setServerConfig("max_wal_size", settings.maxWalSize())
                        .setServerConfig("checkpoint_timeout", "15min").setServerConfig("wal_compression", "off");
            }
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = builder.start();
            LOG.infof("Embedded PostgreSQL on port %d, data in %s%s", server.getPort(), dataDir,
                    settings.durable() ? "" : " (not durable: fsync off)");
            return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL child running and holding the data directory;
     * stop it so a plain restart needs no manual cleanup. Its clients died with the JVM, so a normal
     * shutdown completes quickly and keeps every committed transaction.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return; // a stale pid file: PostgreSQL recovers from it on its own
        }
        ProcessHandle process = orphan.get();
        LOG.warnf("Stopping an orphaned PostgreSQL (pid %d) left on %s by a previous run", process.pid(), dataDir);
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            LOG.warnf("Orphaned PostgreSQL (pid %d) did not stop in %s; killing it, WAL recovery follows",
                    process.pid(), ORPHAN_STOP_WAIT);
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
