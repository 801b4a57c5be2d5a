package com.outsidein.journeys.report.insight;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A signal's 2x2 table among a step's population: who had it and who advanced. The odds ratio's 95 %
 * interval is Woolf's (log odds ratio plus or minus 1.96 standard errors), adding 0.5 to every cell when one
 * is 0 (Haldane-Anscombe); the p-value is Fisher's exact two-sided test, from Apache Commons Math's
 * hypergeometric distribution. Pure: no Quarkus, no database.
 */
record TwoByTwo(long with, long advancedWith, long without, long advancedWithout) {

    private static final double Z_975 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);
    /** Terms this far below the running sum no longer change a double; the hypergeometric tails fall faster than geometric. */
    private static final double NEGLIGIBLE = 1e-17;
    /** Fisher's test counts tables as likely as the observed one; this tolerance keeps rounding from splitting ties (as R's). */
    private static final double TIES = 1 + 1e-7;

    TwoByTwo {
        if (with < 0 || without < 0 || advancedWith < 0 || advancedWithout < 0 || advancedWith > with
                || advancedWithout > without) {
            throw new IllegalArgumentException("not a 2x2 table: " + with + "/" + advancedWith + " " + without + "/" + advancedWithout);
        }
    }

    Double rateWith() {
        return with == 0 ? null : (double) advancedWith / with;
    }

    Double rateWithout() {
        return without == 0 ? null : (double) advancedWithout / without;
    }

    /** How many times likelier to advance with the signal than without; null when either rate is missing or the second is 0. */
    Double lift() {
        Double a = rateWith();
        Double b = rateWithout();
        return a == null || b == null || b == 0 ? null : a / b;
    }

    /** Cells a (with, advanced), b (with, not), c (without, advanced), d (without, not); 0.5 added to each when any is 0. */
    private double[] cells() {
        double a = advancedWith;
        double b = with - advancedWith;
        double c = advancedWithout;
        double d = without - advancedWithout;
        if (a == 0 || b == 0 || c == 0 || d == 0) {
            return new double[] { a + 0.5, b + 0.5, c + 0.5, d + 0.5 };
        }
        return new double[] { a, b, c, d };
    }

    double oddsRatio() {
        double[] x = cells();
        return (x[0] * x[3]) / (x[1] * x[2]);
    }

    /** Woolf's 95 % interval: {low, high}. */
    double[] oddsRatioInterval() {
        double[] x = cells();
        double log = Math.log((x[0] * x[3]) / (x[1] * x[2]));
        double se = Math.sqrt(1 / x[0] + 1 / x[1] + 1 / x[2] + 1 / x[3]);
        return new double[] { Math.exp(log - Z_975 * se), Math.exp(log + Z_975 * se) };
    }

    /**
     * Fisher's exact two-sided p-value: the probability, with the margins fixed, of every table no likelier than
     * the observed one. The hypergeometric probabilities fall away from the mode on both sides, so those tables
     * are two tails; each is summed from its inner end outwards until the terms no longer count.
     */
    double pValue() {
        long total = with + without;
        long advanced = advancedWith + advancedWithout;
        if (total == 0 || with == 0 || without == 0 || advanced == 0 || advanced == total) {
            return 1.0; // one margin is empty: every table is the observed one
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, Math.toIntExact(total), Math.toIntExact(advanced),
                Math.toIntExact(with));
        int lo = h.getSupportLowerBound();
        int hi = h.getSupportUpperBound();
        int x = Math.toIntExact(advancedWith);
        double limit = h.probability(x) * TIES;
        int mode = (int) Math.min(hi, Math.max(lo, Math.floor((with + 1.0) * (advanced + 1.0) / (total + 2.0))));
        if (x <= mode) {
            // [lo, x] is the lower tail; the upper one starts at the first table past the mode as unlikely as x.
            int upper = firstAtMost(h, x == mode ? mode + 1 : mode, hi, limit, +1);
            return Math.min(1.0, sum(h, x, lo, -1) + sum(h, upper, hi, +1));
        }
        return Math.min(1.0, sum(h, x, hi, +1) + sum(h, firstAtMost(h, mode, lo, limit, -1), lo, -1));
    }

    /** From {@code from} towards {@code end}, where the probabilities fall: the first k whose probability is at most {@code limit}. */
    private static int firstAtMost(HypergeometricDistribution h, int from, int end, double limit, int step) {
        int inside = from; // probability above the limit (or the mode itself)
        int outside = end + step; // past the support: probability 0
        while (Math.abs(outside - inside) > 1) {
            int middle = inside + (outside - inside) / 2;
            if (h.probability(middle) <= limit) {
                outside = middle;
            } else {
                inside = middle;
            }
        }
        return h.probability(inside) <= limit ? inside : outside;
    }

    /** The probabilities of k = from, from + step, ... up to end, stopping once a term is negligible against the sum. */
    private static double sum(HypergeometricDistribution h, int from, int end, int step) {
        double sum = 0;
        for (int k = from; step > 0 ? k <= end : k >= end; k += step) {
            double p = h.probability(k);
            sum += p;
            if (p < sum * NEGLIGIBLE) {
                break;
            }
        }
        return sum;
    }
}
