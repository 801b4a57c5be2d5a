package com.outsidein.journeys.report;

/** Rates and ratios in answers: four decimals. */
public final class Rates {

    private Rates() {
    }

    public static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
