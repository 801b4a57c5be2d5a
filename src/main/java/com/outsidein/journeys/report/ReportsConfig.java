package com.outsidein.journeys.report;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on report requests, so that one analyst's query cannot take the database down. */
@ConfigMapping(prefix = "journeys.reports")
public interface ReportsConfig {

    /** Widest allowed [from, to) range. */
    @WithDefault("P731D")
    Duration maxRange();

    /** Longest allowed conversion window. */
    @WithDefault("P366D")
    Duration maxWindow();

    /** Window of a conversion report that names none; clamped to maxWindow. */
    @WithDefault("P90D")
    Duration defaultWindow();

    /** How far before 'to' a report without 'from' starts; clamped to maxRange. */
    @WithDefault("P90D")
    Duration defaultRange();

    /** Statement timeout for report queries. */
    @WithDefault("PT60S")
    Duration statementTimeout();

    /** How long a report waits for the reports pool's connections before answering 503. */
    @WithDefault("PT5S")
    Duration queueTimeout();

    /** Connections one report reads with in parallel (one consistent snapshot); at most the reports pool. */
    @WithDefault("2")
    int parallelism();

    /**
     * Where reports read (JOURNEYS_REPORTS_JDBC_URL): a PostgreSQL hot standby of the primary, so scans
     * leave the primary to designs and ingest. Absent: the primary. Read through the reports datasource.
     */
    java.util.Optional<String> jdbcUrl();

    /** Most funnels (interval buckets times breakdown values) in one report. */
    @WithDefault("2000")
    int maxFunnels();
}
