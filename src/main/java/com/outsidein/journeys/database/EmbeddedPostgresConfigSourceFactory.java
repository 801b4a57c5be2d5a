package com.outsidein.journeys.database;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the default datasource at an embedded PostgreSQL when no external JDBC URL is configured.
 *
 * <p>Starting the server here, while configuration is assembled, means nothing starts at all when
 * {@code quarkus.datasource.jdbc.url} is set, which the Quarkiverse extension cannot promise.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Configuration is also assembled while the application is built; only a running application needs a database.
        boolean starting = ExecutionMode.current() == ExecutionMode.RUNTIME_INIT
                || ExecutionMode.current() == ExecutionMode.RUNNING;
        if (!starting || isSet(context.getValue(JDBC_URL))
                || !booleanValue(context, "journeys.embedded.enabled", true)) {
            return List.of();
        }
        EmbeddedPostgres.Settings settings = new EmbeddedPostgres.Settings(
                stringValue(context, "journeys.embedded.data-dir"),
                booleanValue(context, "journeys.embedded.durable", true),
                intValue(context, "journeys.embedded.port").orElse(0),
                Optional.ofNullable(stringValue(context, "journeys.embedded.shared-buffers")).orElseGet(EmbeddedPostgres::quarterOfMemory),
                Optional.ofNullable(stringValue(context, "journeys.embedded.max-wal-size")).orElse(EmbeddedPostgres.DEFAULT_MAX_WAL_SIZE));
        String url = EmbeddedPostgres.startOnce(settings);
        return List.of(new PropertiesConfigSource(Map.of(
                JDBC_URL, url,
                "quarkus.datasource.username", EmbeddedPostgres.USER,
                "quarkus.datasource.password", ""), "embedded-postgres", 150));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String stringValue(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return isSet(value) ? value.getValue().trim() : null;
    }

    private static boolean booleanValue(ConfigSourceContext context, String name, boolean fallback) {
        String value = stringValue(context, name);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    private static OptionalInt intValue(ConfigSourceContext context, String name) {
        String value = stringValue(context, name);
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }
}
