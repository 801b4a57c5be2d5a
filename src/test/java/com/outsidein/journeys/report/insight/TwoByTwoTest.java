package com.outsidein.journeys.report.insight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The statistics of one signal, worked by hand (cells a = with and advanced, b = with and not, c = without
 * and advanced, d = without and not; z = 1.959964). Plain JUnit. The larger tables were checked against
 * scipy.stats.fisher_exact and R's fisher.test.
 */
class TwoByTwoTest {

    private static final double EXACT = 1e-12;

    @Test
    void fishersTeaTasting() {
        // a=3 b=1 c=1 d=3. Margins 4 with, 4 without, 4 advanced of 8: P(k) = C(4,k) C(4,4-k) / C(8,4) = 1, 16, 36, 16, 1 over 70.
        // Observed k=3 (16/70); no likelier: k = 0, 1, 3, 4, so p = 34/70.
        TwoByTwo t = new TwoByTwo(4, 3, 4, 1);
        assertEquals(34.0 / 70, t.pValue(), EXACT);
        assertEquals(0.75, t.rateWith(), EXACT);
        assertEquals(0.25, t.rateWithout(), EXACT);
        assertEquals(3.0, t.lift(), EXACT);
        // OR = 3*3 / (1*1) = 9; se = sqrt(1/3 + 1 + 1 + 1/3) = 1.632993; exp(ln 9 -+ 1.959964 * 1.632993) = 0.366637, 220.927007.
        assertEquals(9.0, t.oddsRatio(), EXACT);
        assertArrayEquals(new double[] { 0.366636931925, 220.927006929 }, t.oddsRatioInterval(), 1e-9);
    }

    @Test
    void aZeroCellAddsAHalfToEveryCell() {
        // a=5 b=0 c=2 d=3: OR = 5.5 * 3.5 / (0.5 * 2.5) = 15.4; se = sqrt(1/5.5 + 1/0.5 + 1/2.5 + 1/3.5) = 1.693379;
        // interval exp(ln 15.4 -+ 1.959964 * 1.693379) = 0.557332, 425.527416.
        // Fisher: 7 advanced of 10, 5 with: P(k) = C(7,k) C(3,5-k) / 252 = 21, 105, 105, 21 for k = 2..5;
        // observed k=5 (21/252); no likelier: k = 2 and 5, so p = 42/252 = 1/6.
        TwoByTwo t = new TwoByTwo(5, 5, 5, 2);
        assertEquals(15.4, t.oddsRatio(), EXACT);
        assertArrayEquals(new double[] { 0.557331892043, 425.527416223 }, t.oddsRatioInterval(), 1e-9);
        assertEquals(1.0 / 6, t.pValue(), EXACT);
    }

    @Test
    void aSignalEveryoneHasProvesNothing() {
        // Nobody is without it: no rate without, no lift; every table with these margins is the observed one, p = 1.
        // With the half added: OR = 4.5 * 0.5 / (6.5 * 0.5) = 0.692308, se = sqrt(1/4.5 + 1/6.5 + 2 + 2) = 2.091905.
        TwoByTwo t = new TwoByTwo(10, 4, 0, 0);
        assertNull(t.rateWithout());
        assertNull(t.lift());
        assertEquals(1.0, t.pValue(), EXACT);
        assertEquals(4.5 / 6.5, t.oddsRatio(), EXACT);
        assertArrayEquals(new double[] { 0.011472710031, 41.776523551 }, t.oddsRatioInterval(), 1e-9);
        // Nobody advanced: likewise no evidence either way.
        assertEquals(1.0, new TwoByTwo(10, 0, 30, 0).pValue(), EXACT);
    }

    @Test
    void bothTailsCountForTwoSidedTests() {
        // a=12 b=8 c=5 d=15: OR = 12*15 / (8*5) = 4.5, p = 0.053551 (both tails of the hypergeometric, 17 advanced of 40, 20 with).
        TwoByTwo more = new TwoByTwo(20, 12, 20, 5);
        assertEquals(0.05355099259437413, more.pValue(), 1e-12);
        assertEquals(4.5, more.oddsRatio(), EXACT);
        // A barrier: a=2 b=8 c=9 d=1, OR = 2 / 72 = 0.027778, p = 0.005477; observed in the lower tail.
        TwoByTwo less = new TwoByTwo(10, 2, 10, 9);
        assertEquals(0.005477494641581328, less.pValue(), 1e-12);
        assertArrayEquals(new double[] { 0.002099621393, 0.367497178766 }, less.oddsRatioInterval(), 1e-9);
    }

    @Test
    void countsInTheMillions() {
        // 52 % against 50 % over a million and two million: OR = 520000 * 1000000 / (480000 * 1000000) = 1.083333,
        // se = 0.002450798, interval 1.078142 to 1.088550; p = 4.7749e-234 (scipy.stats.fisher_exact).
        TwoByTwo strong = new TwoByTwo(1_000_000, 520_000, 2_000_000, 1_000_000);
        assertEquals(4.7749266259705664e-234, strong.pValue(), 4.7749266259705664e-234 * 1e-6);
        assertArrayEquals(new double[] { 1.07814204621242, 1.0885496166614406 }, strong.oddsRatioInterval(), 1e-9);
        // 50.04 % against 50 %: nothing to see, p = 0.572570.
        TwoByTwo weak = new TwoByTwo(1_000_000, 500_400, 1_000_000, 500_000);
        assertEquals(0.5725695509707998, weak.pValue(), 1e-9);
    }

    @Test
    void refusesWhatIsNotATable() {
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(3, 4, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(3, 1, -1, 0));
    }
}
