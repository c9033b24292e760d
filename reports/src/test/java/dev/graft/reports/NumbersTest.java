package dev.graft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.core.stats.Interval;
import org.junit.jupiter.api.Test;

class NumbersTest {
    /** A Student-t interval over two seeds can reach ±2; no gain lies outside [-1, 1], so that is what a report shows. */
    @Test
    void aGainsIntervalIsShownWithinTheRangeAGainCanTake() {
        Interval wide = Interval.studentT(new double[] {0.9, -0.8});
        assertEquals("+0.050 [-1.000, +1.000]", Numbers.interval(wide, 3));
        assertEquals("+0.150 [+0.138, +0.162]", Numbers.interval(Interval.studentT(new double[] {0.15, 0.145, 0.155}), 3));
    }
}
