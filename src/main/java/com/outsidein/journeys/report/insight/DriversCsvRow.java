package com.outsidein.journeys.report.insight;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One signal of the drivers report as a CSV row. */
@JsonPropertyOrder({ "kind", "key", "value", "with", "advancedWith", "without", "advancedWithout", "rateWith", "rateWithout",
        "lift", "oddsRatio", "oddsRatioLow", "oddsRatioHigh", "pValue", "recorded", "verdict" })
public record DriversCsvRow(String kind, String key, String value, long with, long advancedWith, long without,
        long advancedWithout, Double rateWith, Double rateWithout, Double lift, double oddsRatio, double oddsRatioLow,
        double oddsRatioHigh, double pValue, boolean recorded, String verdict) {

    static DriversCsvRow of(DriversReport.Driver d) {
        return new DriversCsvRow(d.kind(), d.key(), d.value(), d.with(), d.advancedWith(), d.without(), d.advancedWithout(),
                d.rateWith(), d.rateWithout(), d.lift(), d.oddsRatio(), d.oddsRatioLow(), d.oddsRatioHigh(), d.pValue(),
                d.recorded(), d.verdict());
    }
}
