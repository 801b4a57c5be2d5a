package com.outsidein.journeys.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.outsidein.journeys.database.EmbeddedDatabaseConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * The service never runs open: when no key exists and no bootstrap key is configured, the first start
 * makes an admin key of the default team and writes it to a file only this user can read. The log
 * names the file, never the key.
 */
@ApplicationScoped
public class FirstStartKey {

    private static final Logger LOG = Logger.getLogger(FirstStartKey.class);

    @Inject
    BootstrapKey bootstrap;
    @Inject
    ApiKeyService keys;
    @Inject
    SecurityConfig config;
    @Inject
    EntityManager entityManager;
    @Inject
    EmbeddedDatabaseConfig embedded;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (bootstrap.isSet()) {
            return;
        }
        // Replicas starting together on an empty database: one makes the key, the others see it.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('journeys.first-admin-key'))").getSingleResult();
        long existing = ((Number) entityManager.createNativeQuery("select count(*) from api_key").getSingleResult()).longValue();
        if (existing > 0) {
            // A start on data that has keys writes no file: say where keys come from, so a user without one is not left guessing.
            LOG.infof("%d API keys exist in this database, so no admin key file was written%s. Use a key you made; "
                    + "if none is at hand, start once with JOURNEYS_BOOTSTRAP_KEY set to a long random secret and make one "
                    + "with POST /api/v1/keys.", existing, Files.exists(keyFile()) ? " (an earlier one is at " + keyFile() + ")" : "");
            return;
        }
        long defaultTeam = ((Number) entityManager.createNativeQuery("select id from team where key = 'default'")
                .getSingleResult()).longValue();
        KeyViews.CreatedKey key = keys.insert(defaultTeam, "first admin key", Scopes.ALL, null, null, null);
        Path file = keyFile();
        write(file, key.secret());
        LOG.warnf("No API key existed: made an admin key of the default team (id %s, every scope) and wrote it to %s, "
                + "readable only by this user. Send it as 'Authorization: Bearer <key>'; make narrower keys with "
                + "POST /api/v1/keys and revoke this one when done.", key.id(), file);
    }

    private Path keyFile() {
        return config.keys().adminKeyFile().filter(f -> !f.isBlank()).map(Path::of)
                .or(() -> embedded.dataDir().filter(d -> !d.isBlank()).map(d -> Path.of(d).toAbsolutePath().resolveSibling("admin-key")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".purchase-journeys", "admin-key"))
                .toAbsolutePath();
    }

    /** Writes the key to a fresh file created user-only, then moves it into place, so it is never readable by others. */
    private static void write(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path temporary = posix
                    ? Files.createTempFile(file.getParent(), ".admin-key-", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(file.getParent(), ".admin-key-", ".tmp");
            Files.writeString(temporary, secret + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("No API key exists and none could be written to " + file
                    + "; set JOURNEYS_BOOTSTRAP_KEY, or JOURNEYS_SECURITY_ADMIN_KEY_FILE to a writable path", e);
        }
    }
}
