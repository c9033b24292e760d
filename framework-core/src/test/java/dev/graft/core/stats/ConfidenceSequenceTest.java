package dev.graft.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.SeedPlan;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The sequential design's statistics, by simulation (no training): gains drawn per seed, seeds
 * added as the run adds them (start 5, step 2, max 20), verdicts as the run decides them; and
 * the inputs that a Gaussian model calls impossible but accuracies produce (ties, zero spread).
 */
class ConfidenceSequenceTest {
    static final SeedPlan.Sequential PLAN = new SeedPlan.Sequential(5, 20, 2, 1L);
    static final DecisionRule SEQUENTIAL = new DecisionRule(true, null, PLAN.max());
    /** The naive rule: a Student-t interval at every look, as if the number of seeds had been fixed. */
    static final DecisionRule NAIVE = new DecisionRule(false, null, PLAN.max());
    static final ConfidenceSequence LAI = ConfidenceSequence.standard();
    static final ConfidenceSequence LEGACY = ConfidenceSequence.named("gaussian-mixture-2");
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

    /** The figure docs/statistics.md quotes: a true gain of +0.1 with spread 0.05 is decided at the first look, 5 seeds, in most runs. */
    @Test
    void aGainOfPointOneWithSpreadPointZeroFiveIsDecidedAtAMedianOfFiveSeeds() {
        SplittableRandom random = new SplittableRandom(31);
        int[] seeds = new int[RUNS];
        int positive = 0;
        for (int run = 0; run < RUNS; run++) {
            DecisionRule.Stop outcome = sequentialRun(gains(random, 0.1, 0.05), SEQUENTIAL);
            seeds[run] = outcome.seeds();
            positive += outcome.verdict() == Verdict.positive ? 1 : 0;
        }
        Arrays.sort(seeds);
        assertEquals(5, seeds[RUNS / 2]);
        assertTrue(positive > 0.99 * RUNS, positive + " of " + RUNS + " positive");
        // the construction it replaced needed 7
        DecisionRule legacy = new DecisionRule(true, null, PLAN.max(), LEGACY.name(), null, null);
        random = new SplittableRandom(31);
        for (int run = 0; run < RUNS; run++) {
            seeds[run] = sequentialRun(gains(random, 0.1, 0.05), legacy).seeds();
        }
        Arrays.sort(seeds);
        assertEquals(7, seeds[RUNS / 2]);
    }

    @Test
    void laisHalfWidthsAreTheClosedFormsSolution() {
        for (int n = 2; n < 5; n++) {
            assertTrue(Double.isInfinite(LAI.halfWidth(n, 0.05)), "no interval before the first look, n = " + n);
        }
        // tools/confidence_sequence_reference.py computes these by numerical integration of the bound, not by the closed form
        assertEquals(1.9887, LAI.halfWidth(5, 0.05), 1e-4);
        assertEquals(1.2048, LAI.halfWidth(10, 0.05), 1e-4);
        assertEquals(0.7999, LAI.halfWidth(20, 0.05), 1e-4);
        // at the first look the interval is a t-interval whose critical value a spends α by the extended Ville inequality
        double a = LAI.halfWidth(5, 0.05) * Math.sqrt(5);
        TDistribution t4 = new TDistribution(4);
        assertEquals(0.05, 2 * (1 - t4.cumulativeProbability(a) + a * t4.density(a)), 1e-9);
        // at the bound, H_n(m) equals the threshold H_5 takes at |t| = a, at every n
        double threshold = flatMixture(5, a * a);
        for (int n : new int[] {5, 6, 10, 20, 50}) {
            double[] values = gains(new SplittableRandom(n), 0.1, 0.05, n);
            double mean = Interval.mean(values);
            double sd = Interval.sd(values, mean);
            double bound = mean + LAI.halfWidth(n, 0.05) * sd;
            double tSquared = n * (mean - bound) * (mean - bound) / (sd * sd);
            assertEquals(Math.log(threshold), Math.log(flatMixture(n, tSquared)), 1e-9, "n = " + n);
        }
    }

    @Test
    void theReplacedConstructionKeepsItsHalfWidthsSoOldRunsReReportAlike() {
        assertTrue(Double.isInfinite(LEGACY.halfWidth(2, 0.05)) && Double.isInfinite(LEGACY.halfWidth(3, 0.05)));
        assertEquals(2.6051, LEGACY.halfWidth(5, 0.05), 1e-4);
        assertEquals(1.2238, LEGACY.halfWidth(10, 0.05), 1e-4);
        assertEquals(0.7860, LEGACY.halfWidth(20, 0.05), 1e-4);
        DecisionRule recorded = new DecisionRule(true, null, 20, null, null, null);
        assertEquals("gaussian-mixture-2", recorded.confidenceSequence().name(), "a run recorded without a construction used this one");
    }

    @Test
    void theRunningIntersectionNeverWidensAndNeedsTwoValues() {
        double[] values = gains(new SplittableRandom(5), 0.1, 0.05);
        double width = Double.POSITIVE_INFINITY;
        for (int n = 5; n <= values.length; n++) {
            Interval interval = LAI.of(Arrays.copyOf(values, n), 0.05);
            assertTrue(interval.high() - interval.low() <= width, "n = " + n);
            width = interval.high() - interval.low();
        }
        assertTrue(Double.isNaN(LAI.of(new double[] {0.1}, 0.05).low()));
        assertTrue(LAI.of(values, 0.05).method().startsWith("95% anytime-valid confidence sequence (Lai 1976"));
    }

    // --- inputs that poisoned the interval before: each test fails on the code before this change ---

    /** The first two gains tied made c_2·s = ∞·0 = NaN, which the running intersection carried for ever. */
    @Test
    void aTieInTheFirstTwoGainsLeavesLaterLooksFreeToDecide() {
        double[] gains = {0.12, 0.12, 0.10, 0.14, 0.11, 0.13, 0.12};
        for (ConfidenceSequence sequence : new ConfidenceSequence[] {LAI, LEGACY}) {
            Interval interval = sequence.of(gains, 0.05);
            assertFalse(Double.isNaN(interval.low()) || Double.isNaN(interval.high()), sequence.name() + ": " + interval);
            assertEquals(Verdict.positive, Verdict.of(interval, null), sequence.name() + ": " + interval);
        }
        assertEquals(Verdict.positive, SEQUENTIAL.verdict(SEQUENTIAL.interval(Arrays.copyOf(gains, 5))), "decided at the first look");
    }

    /** Zero spread after the first look: every candidate but the mean has an infinite t-statistic. */
    @Test
    void equalGainsGiveTheirValueAsTheIntervalOnceALookCanDecide() {
        double[] same = {0.02, 0.02, 0.02, 0.02, 0.02};
        Interval atFour = LAI.of(Arrays.copyOf(same, 4), 0.05);
        assertEquals(Double.NEGATIVE_INFINITY, atFour.low(), "before the first look nothing is excluded");
        assertEquals(Double.POSITIVE_INFINITY, atFour.high());
        Interval atFive = LAI.of(same, 0.05);
        assertEquals(0.02, atFive.low(), 1e-15);
        assertEquals(0.02, atFive.high(), 1e-15);
        assertEquals(Verdict.positive, Verdict.of(atFive, null));
        assertEquals(0.0, LAI.against(same, 0).pValue());
        assertEquals(1, LAI.against(same, 0).direction());
    }

    /** Constant zero gains (both trials saturate, or both stay at chance): no difference, and equivalence with a margin. */
    @Test
    void constantZeroGainsAreEquivalentUnderAMarginAndNeverSigned() {
        double[] zeros = {0, 0, 0, 0, 0, 0};
        Interval interval = LAI.of(zeros, 0.05);
        assertEquals(0, interval.low());
        assertEquals(0, interval.high());
        assertEquals(Verdict.inconclusive, Verdict.of(interval, null));
        assertEquals(Verdict.equivalent, Verdict.of(interval, 0.02));
        assertEquals(1.0, LAI.against(zeros, 0).pValue());
        Interval t = Interval.studentT(zeros);
        assertEquals(0, t.low());
        assertEquals(Verdict.equivalent, Verdict.of(t, 0.02));
    }

    /** A gain that is not a number is a failed pair upstream; reaching an interval it fails loudly instead of poisoning it. */
    @Test
    void aNonFiniteGainIsRefusedNotCarried() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] gains = {0.1, bad, 0.12, 0.11, 0.13};
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LAI.of(gains, 0.05));
            assertTrue(e.getMessage().contains("value 2 of 5"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Interval.studentT(gains));
            assertThrows(IllegalArgumentException.class, () -> SignSequence.of(gains, 0.05, 1));
        }
    }

    /**
     * Property: over random gain sequences on a 0.01 grid (ties everywhere), the interval is never
     * NaN, is exactly the set of candidates that every look from the first on keeps (checked
     * candidate by candidate against the mixture's definition), only narrows as seeds are added,
     * and excludes zero exactly when the anytime-valid p-value is at most α.
     */
    @Test
    void onAGridOfAccuraciesTheIntervalIsTheDefinitionsAndNeverNaN() {
        SplittableRandom random = new SplittableRandom(2026);
        double threshold = flatMixture(5, Math.pow(LAI.halfWidth(5, 0.05) * Math.sqrt(5), 2));
        int checked = 0;
        for (int run = 0; run < 1000; run++) {
            int n = 2 + random.nextInt(14);
            double centre = (random.nextInt(21) - 10) / 100.0;
            int spread = random.nextInt(4); // 0: constant gains
            double[] gains = new double[n];
            for (int i = 0; i < n; i++) {
                gains[i] = Math.round((centre + (random.nextInt(2 * spread + 1) - spread) / 100.0) * 100) / 100.0;
            }
            double[] means = new double[n + 1];
            double[] sds = new double[n + 1];
            for (int j = 2; j <= n; j++) {
                means[j] = Interval.mean(Arrays.copyOf(gains, j));
                sds[j] = Interval.sd(Arrays.copyOf(gains, j), means[j]);
            }
            double previousWidth = Double.POSITIVE_INFINITY;
            for (int k = 2; k <= n; k++) {
                double[] seen = Arrays.copyOf(gains, k);
                Interval interval = LAI.of(seen, 0.05);
                String where = Arrays.toString(seen) + " -> " + interval;
                assertFalse(Double.isNaN(interval.low()) || Double.isNaN(interval.high()), where);
                assertTrue(interval.low() <= interval.high(), where);
                assertTrue(interval.high() - interval.low() <= previousWidth + 1e-12, where);
                previousWidth = interval.high() - interval.low();
                boolean excludesZero = interval.low() > 0 || interval.high() < 0;
                assertEquals(excludesZero, LAI.against(seen, 0).pValue() <= 0.05, where);
                // candidates on a fine grid: inside the interval exactly when every look from the first on has H_j(m) below the
                // threshold (or, when no candidate passes every look, when the last look alone keeps it: the reported fallback)
                boolean[] keptByAll = new boolean[601];
                boolean[] keptByLast = new boolean[601];
                boolean any = false;
                for (int c = 0; c <= 600; c++) {
                    double m = (c - 300) / 1000.0 + 0.0005;
                    boolean kept = true;
                    for (int j = 5; j <= k && kept; j++) {
                        kept = flatMixture(j, tSquared(j, means[j], sds[j], m)) < threshold;
                    }
                    keptByAll[c] = kept;
                    keptByLast[c] = k < 5 || flatMixture(k, tSquared(k, means[k], sds[k], m)) < threshold;
                    any |= kept;
                }
                if (!any && interval.high() - interval.low() < 0.002) {
                    continue; // an intersection narrower than the grid: nothing to compare
                }
                for (int c = 0; c <= 600; c++) {
                    double m = (c - 300) / 1000.0 + 0.0005;
                    boolean inside = interval.low() <= m && m <= interval.high();
                    if (Math.min(Math.abs(m - interval.low()), Math.abs(m - interval.high())) > 1e-9) {
                        assertEquals(any ? keptByAll[c] : keptByLast[c], inside, where + " at " + m);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 500_000, "candidates checked: " + checked);
    }

    private static double tSquared(int n, double mean, double sd, double m) {
        double d = mean - m;
        if (sd == 0) {
            return d == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return n * d * d / (sd * sd);
    }

    private static double[] gains(SplittableRandom random, double mean, double sd, int n) {
        double[] gains = new double[n];
        for (int i = 0; i < n; i++) {
            gains[i] = mean + sd * random.nextGaussian();
        }
        return gains;
    }

    /** Lai's H_n from its definition, to check the closed form against: √(2π/n) (1 + t²/(n-1))^(n/2). */
    private static double flatMixture(int n, double tSquared) {
        return Math.sqrt(2 * Math.PI / n) * Math.pow(1 + tSquared / (n - 1), n / 2.0);
    }
}
