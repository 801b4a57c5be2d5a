package com.outsidein.journeys.journey.history;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a journey's versions, newest first. */
@Schema(name = "HistoryPage")
public record HistoryPage(String journey, List<VersionSummary> items, String nextCursor) {
}
