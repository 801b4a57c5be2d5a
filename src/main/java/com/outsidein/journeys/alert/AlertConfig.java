package com.outsidein.journeys.alert;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When response alerts fire ({@code JOURNEYS_ALERTS_*}). */
@ConfigMapping(prefix = "journeys.alerts")
public interface AlertConfig {

    /**
     * An action that reaches the service already overdue alerts at once only if it fell due this recently:
     * importing a year of history sends nothing for it.
     */
    @WithDefault("P7D")
    Duration maxAge();

    /** How often each replica looks for waiting actions whose warning or due moment has come. */
    @WithDefault("PT30S")
    Duration sweepInterval();
}
