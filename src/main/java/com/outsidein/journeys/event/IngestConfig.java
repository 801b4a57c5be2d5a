package com.outsidein.journeys.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on what ingest keeps per prospect. */
@ConfigMapping(prefix = "journeys.ingest")
public interface IngestConfig {

    /** Most events one prospect may have; a batch that would pass it is refused whole (422). */
    @WithDefault("20000")
    int maxEventsPerProspect();
}
