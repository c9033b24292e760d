package dev.graft.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.SeedPlan;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sequential design's statistics, by simulation (no training): gains drawn per seed, seeds
 * added as the run adds them (start 3, step 2, max 20), verdicts as the run decides them.
 */
class ConfidenceSequenceTest {
    static final SeedPlan.Sequential PLAN = new SeedPlan.Sequential(3, 20, 2, 1L);
    static final DecisionRule SEQUENTIAL = new DecisionRule(true, null, PLAN.max());
    /** The naive rule: a Student-t interval at every look, as if the number of seeds had been fixed. */
    static final DecisionRule NAIVE = new DecisionRule(false, null, PLAN.max());
    static final int RUNS = 2000;

    /** Adds seeds look by look until the rule decides or the plan's maximum is reached. */
    static DecisionRule.Stop sequentialRun(double[] gains, DecisionRule rule) {
        return rule.replay(gains, PLAN.looks());
    }

    /** Per-seed gains: Gaussian around {@code mean} with standard deviation {@code sd}, clipped to [-1, 1] as gains are. */
    static double[] gains(SplittableRandom random, double mean, double sd) {
        double[] gains = new double[PLAN.max()];
        for (int i = 0; i < gains.length; i++) {
            gains[i] = Math.max(-1, Math.min(1, mean + sd * random.nextGaussian()));
        }
        return gains;
    }

    /** Share of runs that end positive or negative when the true gain is 0. */
    static double falseVerdicts(DecisionRule rule, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int wrong = 0;
        for (int run = 0; run < RUNS; run++) {
            Verdict verdict = sequentialRun(gains(random, 0, sd), rule).verdict();
            wrong += verdict == Verdict.positive || verdict == Verdict.negative ? 1 : 0;
        }
        return (double) wrong / RUNS;
    }

    /** 5% plus three Monte Carlo standard errors of a 5% rate over {@link #RUNS} runs. */
    static final double ALLOWED = 0.05 + 3 * Math.sqrt(0.05 * 0.95 / RUNS);

    @Test
    void withANullGainFewerThanFivePercentOfSequentialRunsClaimAnEffect() {
        for (double sd : new double[] {0.02, 0.05, 0.15}) {
            double rate = falseVerdicts(SEQUENTIAL, sd, 11);
            assertTrue(rate <= ALLOWED, String.format(Locale.ROOT, "spread %.2f: %.4f of runs ended positive or negative", sd, rate));
        }
    }

    /** Shows the test above can fail: the same stopping rule with a t-interval at every look claims effects that are not there. */
    @Test
    void aStudentTIntervalAtEveryLookClaimsEffectsThatAreNotThere() {
        for (double sd : new double[] {0.02, 0.05, 0.15}) {
            double rate = falseVerdicts(NAIVE, sd, 11);
            assertTrue(rate > ALLOWED, String.format(Locale.ROOT, "spread %.2f: naive t at every look gave %.4f", sd, rate));
        }
    }

    @Test
    void theFinalIntervalCoversANonNullGainAtLeast95PercentOfTheTime() {
        double[][] cases = {{0.1, 0.05}, {0.03, 0.1}, {-0.05, 0.02}};
        for (double[] c : cases) {
            SplittableRandom random = new SplittableRandom(23);
            int covered = 0;
            for (int run = 0; run < RUNS; run++) {
                Interval interval = sequentialRun(gains(random, c[0], c[1]), SEQUENTIAL).interval();
                covered += interval.low() <= c[0] && c[0] <= interval.high() ? 1 : 0;
            }
            assertTrue(covered >= 0.95 * RUNS, String.format(Locale.ROOT, "gain %+.2f, spread %.2f: covered in %d of %d", c[0], c[1], covered, RUNS));
        }
    }

    /** The figure docs/statistics.md quotes: a true gain of +0.1 with spread 0.05 is decided at a median of 7 seeds. */
    @Test
    void aGainOfPointOneWithSpreadPointZeroFiveIsDecidedAtAMedianOfSevenSeeds() {
        SplittableRandom random = new SplittableRandom(31);
        int[] seeds = new int[RUNS];
        int positive = 0;
        for (int run = 0; run < RUNS; run++) {
            DecisionRule.Stop outcome = sequentialRun(gains(random, 0.1, 0.05), SEQUENTIAL);
            seeds[run] = outcome.seeds();
            positive += outcome.verdict() == Verdict.positive ? 1 : 0;
        }
        Arrays.sort(seeds);
        assertEquals(7, seeds[RUNS / 2]);
        assertTrue(positive > 0.99 * RUNS, positive + " of " + RUNS + " positive");
    }

    @Test
    void halfWidthsAreTheClosedFormsSolution() {
        assertTrue(Double.isInfinite(ConfidenceSequence.halfWidth(2)) && Double.isInfinite(ConfidenceSequence.halfWidth(3)));
        assertEquals(2.6051, ConfidenceSequence.halfWidth(5), 1e-4);
        assertEquals(1.2238, ConfidenceSequence.halfWidth(10), 1e-4);
        assertEquals(0.7860, ConfidenceSequence.halfWidth(20), 1e-4);
        // at the bound, the mixture Bayes factor B_n(m) equals 1/alpha: the interval is {m : B_n(m) < 20}
        for (int n : new int[] {4, 5, 10, 20, 50}) {
            double[] values = gains(new SplittableRandom(n), 0.1, 0.05);
            values = n <= values.length ? Arrays.copyOf(values, n) : gains(new SplittableRandom(n), 0.1, 0.05, n);
            double mean = Interval.mean(values);
            double sd = Interval.sd(values, mean);
            double bound = mean + ConfidenceSequence.halfWidth(n) * sd;
            assertEquals(20.0, bayesFactor(values, bound), 1e-6, "n = " + n);
        }
    }

    @Test
    void theRunningIntersectionNeverWidensAndNeedsTwoValues() {
        double[] values = gains(new SplittableRandom(5), 0.1, 0.05);
        double width = Double.POSITIVE_INFINITY;
        for (int n = 4; n <= values.length; n++) {
            Interval interval = ConfidenceSequence.of(Arrays.copyOf(values, n));
            assertTrue(interval.high() - interval.low() <= width, "n = " + n);
            width = interval.high() - interval.low();
        }
        assertTrue(Double.isNaN(ConfidenceSequence.of(new double[] {0.1}).low()));
        assertEquals(Interval.Method.CONFIDENCE_SEQUENCE, ConfidenceSequence.of(values).method());
    }

    private static double[] gains(SplittableRandom random, double mean, double sd, int n) {
        double[] gains = new double[n];
        for (int i = 0; i < n; i++) {
            gains[i] = mean + sd * random.nextGaussian();
        }
        return gains;
    }

    /** B_n(m) computed from its definition, to check the closed form against. */
    private static double bayesFactor(double[] x, double m) {
        int n = x.length;
        double g = ConfidenceSequence.MIXTURE_VARIANCE;
        double sumSquares = 0;
        double sum = 0;
        for (double v : x) {
            sumSquares += (v - m) * (v - m);
            sum += v - m;
        }
        double r = sum * sum / n / sumSquares;
        return Math.pow(1 + n * g, -0.5) * Math.pow(1 - n * g / (1 + n * g) * r, -n / 2.0);
    }
}
