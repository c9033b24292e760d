package dev.graft.benchmarks;

import dev.graft.core.descriptor.SeedPlan;
import dev.graft.core.stats.ConfidenceSequence;
import dev.graft.core.stats.DecisionRule;
import dev.graft.core.stats.Verdict;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The figures docs/statistics.md quotes about the sequential design, by simulation (no training):
 * interval widths at 5, 10 and 20 seeds; how often runs with no true gain end positive or
 * negative, for Gaussian and non-Gaussian gains, with the confidence sequence and with a
 * Student-t interval at every look; coverage of non-null gains; seeds needed. Seeds are added
 * as {@code seeds: {start: 3, max: 20, step: 2}} adds them, and verdicts are Graft's own
 * ({@link DecisionRule}). Deterministic: fixed random seeds.
 */
public final class DecideSimulation {
    static final SeedPlan.Sequential PLAN = new SeedPlan.Sequential(3, 20, 2, 1L);
    static final int RUNS = 20000;

    private DecideSimulation() {}

    static DecisionRule.Stop run(double[] gains, DecisionRule rule) {
        return rule.replay(gains, PLAN.looks());
    }

    static double[] draw(DoubleSupplier gain) {
        double[] gains = new double[PLAN.max()];
        for (int i = 0; i < gains.length; i++) {
            gains[i] = Math.max(-1, Math.min(1, gain.getAsDouble()));
        }
        return gains;
    }

    public static void main(String[] args) {
        DecisionRule sequential = new DecisionRule(true, null, PLAN.max());
        DecisionRule naive = new DecisionRule(false, null, PLAN.max());
        for (int n : new int[] {5, 10, 20}) {
            System.out.printf(Locale.ROOT, "decide-width seeds=%d confidence_sequence_sd=%.3f student_t_fixed_sd=%.3f pocock_looks_sd=%.3f "
                    + "half_width_at_sd_0.05=%.3f%n", n, ConfidenceSequence.halfWidth(n), tHalf(n, 0.05), tHalf(n, pocockNominal()),
                    0.05 * ConfidenceSequence.halfWidth(n));
        }
        // null gains of several shapes, each with standard deviation 0.05 (the statistics are scale-free)
        double sd = 0.05;
        record Shape(String name, Function<SplittableRandom, DoubleSupplier> gain) {}
        Shape[] shapes = {
            new Shape("gaussian", r -> () -> sd * r.nextGaussian()),
            new Shape("student-t3", r -> () -> sd / Math.sqrt(3) * studentT3(r)),
            new Shape("outliers-10pct", r -> () -> sd * (r.nextDouble() < 0.1 ? -3 + r.nextGaussian() : r.nextGaussian()) + 0.3 * sd),
            new Shape("exponential-skewed", r -> () -> sd * (-Math.log(1 - r.nextDouble()) - 1)),
        };
        for (Shape shape : shapes) {
            double[] rates = new double[2];
            DecisionRule[] rules = {sequential, naive};
            for (int k = 0; k < 2; k++) {
                SplittableRandom random = new SplittableRandom(7);
                DoubleSupplier gain = shape.gain().apply(random);
                int wrong = 0;
                for (int i = 0; i < RUNS; i++) {
                    Verdict verdict = run(draw(gain), rules[k]).verdict();
                    wrong += verdict == Verdict.positive || verdict == Verdict.negative ? 1 : 0;
                }
                rates[k] = (double) wrong / RUNS;
            }
            System.out.printf(Locale.ROOT, "decide-null gains=%s runs=%d false_verdicts_sequence=%.4f false_verdicts_t_every_look=%.4f%n",
                    shape.name(), RUNS, rates[0], rates[1]);
        }
        for (double[] c : new double[][] {{0.1, 0.05}, {0.05, 0.05}, {0.02, 0.05}, {0.1, 0.1}, {-0.05, 0.02}}) {
            SplittableRandom random = new SplittableRandom(31);
            int[] seeds = new int[RUNS];
            int covered = 0;
            int decided = 0;
            for (int i = 0; i < RUNS; i++) {
                DecisionRule.Stop outcome = run(draw(() -> c[0] + c[1] * random.nextGaussian()), sequential);
                seeds[i] = outcome.seeds();
                covered += outcome.interval().low() <= c[0] && c[0] <= outcome.interval().high() ? 1 : 0;
                decided += outcome.verdict().decided() ? 1 : 0;
            }
            Arrays.sort(seeds);
            System.out.printf(Locale.ROOT, "decide-power gain=%+.2f sd=%.2f median_seeds=%d decided=%.4f coverage=%.4f%n", c[0], c[1],
                    seeds[RUNS / 2], (double) decided / RUNS, (double) covered / RUNS);
        }
        // what boundedness alone allows: under a null of mean 0 on [-1, 1], n identical gains of +0.1 have probability
        // (1 - p)^n with p = 0.1 / 1.1 at the point mass -1; no valid test rejects while that exceeds its level
        double p = 0.1 / 1.1;
        System.out.printf(Locale.ROOT, "decide-bounded-only gain=+0.1 spread=0 min_seeds_one_sided_5pct=%d min_seeds_two_sided_5pct=%d%n",
                (int) Math.ceil(Math.log(0.05) / Math.log(1 - p)), (int) Math.ceil(Math.log(0.025) / Math.log(1 - p)));
    }

    private static double studentT3(SplittableRandom random) {
        double z = random.nextGaussian();
        double chi = 0;
        for (int i = 0; i < 3; i++) {
            double g = random.nextGaussian();
            chi += g * g;
        }
        return z / Math.sqrt(chi / 3);
    }

    /** Half-width in sample standard deviations of a two-sided t-interval at nominal level {@code alpha}. */
    private static double tHalf(int n, double alpha) {
        return new TDistribution(n - 1).inverseCumulativeProbability(1 - alpha / 2) / Math.sqrt(n);
    }

    private static Double pocock;

    /**
     * The nominal two-sided level of Pocock's repeated t-tests at the plan's looks (3, 5, ..., 19,
     * 20) that keeps the overall level at 5% for Gaussian data, calibrated by simulation.
     */
    static double pocockNominal() {
        if (pocock != null) {
            return pocock;
        }
        SplittableRandom random = new SplittableRandom(3);
        int runs = 100000;
        double[] smallest = new double[runs];
        TDistribution[] t = new TDistribution[PLAN.max() + 1];
        for (int look : PLAN.looks()) {
            t[look] = new TDistribution(look - 1);
        }
        for (int i = 0; i < runs; i++) {
            double[] x = new double[PLAN.max()];
            for (int k = 0; k < x.length; k++) {
                x[k] = random.nextGaussian();
            }
            double min = 1;
            for (int look : PLAN.looks()) {
                double[] seen = Arrays.copyOf(x, look);
                double mean = Arrays.stream(seen).average().orElseThrow();
                double ss = Arrays.stream(seen).map(v -> (v - mean) * (v - mean)).sum();
                double statistic = Math.abs(mean) / Math.sqrt(ss / (look - 1) / look);
                min = Math.min(min, 2 * (1 - t[look].cumulativeProbability(statistic)));
            }
            smallest[i] = min;
        }
        Arrays.sort(smallest);
        pocock = smallest[(int) (0.05 * runs)];
        return pocock;
    }
}
