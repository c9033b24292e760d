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
    }

    @Test
    void verdictsFollowTheIntervalAndTheEquivalenceMargin() {
        assertEquals(Verdict.positive, Verdict.of(interval(0.01, 0.05), 0.02));
        assertEquals(Verdict.negative, Verdict.of(interval(-0.05, -0.01), null));
        assertEquals(Verdict.equivalent, Verdict.of(interval(-0.015, 0.019), 0.02));
        assertEquals(Verdict.inconclusive, Verdict.of(interval(-0.015, 0.021), 0.02));
        assertEquals(Verdict.inconclusive, Verdict.of(interval(-0.015, 0.019), null), "no margin, no equivalence");
        assertEquals(Verdict.inconclusive, Verdict.of(new Interval(3, 0.1, 0.01, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Interval.Method.CONFIDENCE_SEQUENCE), 0.5), "an unbounded interval decides nothing");
    }

    private static Interval interval(double low, double high) {
        return new Interval(5, (low + high) / 2, 0.01, low, high, Interval.Method.STUDENT_T);
    }
}
