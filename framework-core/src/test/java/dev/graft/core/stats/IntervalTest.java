package dev.graft.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void studentTIsTheTextbookInterval() {
        Interval interval = Interval.studentT(new double[] {1, 2, 3});
        assertEquals(2.0, interval.mean(), 1e-12);
        assertEquals(1.0, interval.sd(), 1e-12);
        // t(0.975, 2) = 4.302652729911275
        assertEquals(2 - 4.302652729911275 / Math.sqrt(3), interval.low(), 1e-9);
        assertEquals(2 + 4.302652729911275 / Math.sqrt(3), interval.high(), 1e-9);
        assertTrue(Double.isNaN(Interval.studentT(new double[] {0.5}).low()));
        assertEquals("95% Student-t interval", interval.method());
        assertEquals("99.58% Student-t interval", Interval.studentT(new double[] {1, 2, 3}, 0.05 / 12).method());
    }

    @Test
    void aDisplayedIntervalIsClippedToTheRangeTheQuantityCanTake() {
        Interval wide = Interval.studentT(new double[] {0.9, -0.8});
        assertTrue(wide.low() < -1 && wide.high() > 1, wide.toString());
        Interval shown = wide.clipped(1);
        assertEquals(-1, shown.low());
        assertEquals(1, shown.high());
        assertEquals(wide.mean(), shown.mean());
    }

    @Test
    void verdictsFollowTheIntervalAndTheEquivalenceMargin() {
        assertEquals(Verdict.positive, Verdict.of(interval(0.01, 0.05), 0.02));
        assertEquals(Verdict.negative, Verdict.of(interval(-0.05, -0.01), null));
        assertEquals(Verdict.equivalent, Verdict.of(interval(-0.015, 0.019), 0.02));
        assertEquals(Verdict.inconclusive, Verdict.of(interval(-0.015, 0.021), 0.02));
        assertEquals(Verdict.inconclusive, Verdict.of(interval(-0.015, 0.019), null), "no margin, no equivalence");
        assertEquals(Verdict.inconclusive, Verdict.of(new Interval(3, 0.1, 0.01, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                "95% anytime-valid confidence sequence"), 0.5), "an unbounded interval decides nothing");
    }

    private static Interval interval(double low, double high) {
        return new Interval(5, (low + high) / 2, 0.01, low, high, Interval.STUDENT_T);
    }
}
