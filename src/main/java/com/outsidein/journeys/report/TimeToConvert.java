package com.outsidein.journeys.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Seconds from entering a step to entering the next (or from an action to its answer): nearest-rank percentiles and the mean. */
@Schema(name = "TimeToConvert")
public record TimeToConvert(long p50, long p75, long p90, long p95, double mean) {
}
