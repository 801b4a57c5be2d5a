package com.outsidein.journeys.database;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the embedded PostgreSQL used when no external database is configured.
 *
 * <p>{@link EmbeddedPostgresConfigSourceFactory} reads these before CDI exists; this mapping documents
 * and validates them.
 */
@ConfigMapping(prefix = "journeys.embedded")
public interface EmbeddedDatabaseConfig {

    /** Whether to start an embedded server when {@code quarkus.datasource.jdbc.url} is not set. */
    @WithDefault("true")
    boolean enabled();

    /** Data directory kept across restarts; empty means a throw-away directory (tests). */
    Optional<String> dataDir();

    /** fsync and synchronous commit on; only tests turn this off. */
    @WithDefault("true")
    boolean durable();

    /** TCP port on localhost; 0 picks a free one. */
    @WithDefault("0")
    int port();

    /** PostgreSQL's shared_buffers for a durable server, such as 2GB; unset means a quarter of the memory. */
    Optional<String> sharedBuffers();

    /** PostgreSQL's max_wal_size for a durable server: the WAL written between checkpoints, such as 16GB. */
    @WithDefault(EmbeddedPostgres.DEFAULT_MAX_WAL_SIZE)
    String maxWalSize();
}
