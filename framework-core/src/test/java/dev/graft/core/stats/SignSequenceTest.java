package dev.graft.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distribution-free companion: the sign-test sequence for the median gain. */
class SignSequenceTest {

    @Test
    void sevenSeedsOfOneSignDecideSixDoNot() {
        double[] seven = {0.03, 0.01, 0.02, 0.05, 0.01, 0.04, 0.02};
        assertEquals(Verdict.inconclusive, Verdict.of(SignSequence.of(Arrays.copyOf(seven, 6), 0.05, 1), null));
        Interval interval = SignSequence.of(seven, 0.05, 1);
        assertEquals(Verdict.positive, Verdict.of(interval, null), interval.toString());
        assertEquals(0.02, interval.mean(), 1e-12, "the median");
        assertTrue(SignSequence.against(seven, 0).pValue() <= 0.05);
        assertEquals(1, SignSequence.against(seven, 0).direction());
    }

    @Test
    void itsIntervalStaysWithinTheRangeGainsCanTakeAndHoldsTies() {
        Interval few = SignSequence.of(new double[] {0.1, 0.2}, 0.05, 1);
        assertEquals(-1, few.low());
        assertEquals(1, few.high());
        // every value equal: the median is that value, every other candidate has all signs on one side
        Interval tied = SignSequence.of(new double[] {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01}, 0.05, 1);
        assertEquals(0.01, tied.low(), 1e-15);
        assertEquals(0.01, tied.high(), 1e-15);
    }

    /** Its guarantee needs no shape: right-skewed gains with median zero (where the mean-based interval errs) end decided in at most 5% of runs. */
    @Test
    void withAZeroMedianItClaimsAnEffectInFewerThanFivePercentOfRunsWhateverTheShape() {
        SplittableRandom random = new SplittableRandom(9);
        int runs = 2000;
        int wrong = 0;
        for (int r = 0; r < runs; r++) {
            double[] gains = new double[20];
            for (int i = 0; i < gains.length; i++) {
                // exponential shifted to median 0: a long right tail
                gains[i] = 0.05 * (-Math.log(1 - random.nextDouble()) - Math.log(2));
            }
            Verdict v = Verdict.of(SignSequence.of(gains, 0.05, 1), null);
            wrong += v == Verdict.positive || v == Verdict.negative ? 1 : 0;
        }
        double allowed = 0.05 + 3 * Math.sqrt(0.05 * 0.95 / runs);
        assertTrue((double) wrong / runs <= allowed, String.format(Locale.ROOT, "%.4f", (double) wrong / runs));
    }

    @Test
    void theCompanionSaysWhereItAndTheGaussianVerdictPointOppositeWays() {
        Interval any = SignSequence.of(new double[] {0.1, 0.2}, 0.05, 1);
        assertTrue(new DecisionRule.Companion(any, Verdict.negative, Verdict.positive).opposite());
        assertEquals("agree", new DecisionRule.Companion(any, Verdict.positive, Verdict.positive).agreement());
        assertEquals("only the mean decided", new DecisionRule.Companion(any, Verdict.inconclusive, Verdict.negative).agreement());
        assertTrue(!new DecisionRule.Companion(any, Verdict.inconclusive, Verdict.negative).opposite());
    }

    @Test
    void skewnessNamesTheDirectionOfALongTail() {
        double[] right = {-0.02, -0.01, -0.02, -0.015, -0.01, -0.02, 0.3, -0.01};
        assertTrue(Skewness.z(right) > Skewness.STRONG, "z = " + Skewness.z(right));
        double[] left = Arrays.stream(right).map(v -> -v).toArray();
        assertTrue(Skewness.z(left) < -Skewness.STRONG);
        assertEquals(0, Skewness.z(new double[] {0.1, 0.1, 0.1, 0.1}), "no spread, no shape");
    }
}
