package dev.graft.benchmarks;

import dev.graft.core.stats.ConfidenceSequence;
import dev.graft.core.stats.DecisionRule;
import dev.graft.core.stats.ErrorControl;
import dev.graft.core.stats.Interval;
import dev.graft.core.stats.Verdict;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The figures docs/statistics.md quotes about the sequential design, by simulation (no training),
 * for the confidence sequence runs decide with (Lai's flat mixture from 5 seeds) beside the one it
 * replaced (the Gaussian mixture g = 2 from 2 seeds, first look at 3) and other candidates:
 * interval widths; how often runs with no true gain end positive or negative, for four shapes of
 * gains, each direction counted apart (skew misleads in one direction); power, seeds used and
 * coverage with a true gain; misses at any number of seeds up to 500; the distribution-free
 * companion's verdicts on the same shapes; and error control across 40 strategies. Seeds are
 * added as a run adds them ({@code step: 2}, first look at the construction's own) and verdicts
 * are Graft's own ({@link DecisionRule}). Deterministic: fixed random seeds.
 */
public final class DecideSimulation {
    static final int RUNS = 20000;
    /** The chosen construction and the one it replaced, then other candidates the choice was made among. */
    static final List<Candidate> CANDIDATES = List.of(
            new Candidate("lai-5", 5, "chosen"),
            new Candidate("gaussian-mixture-2", 3, "before"),
            new Candidate("lai-3", 3, "candidate"),
            new Candidate("lai-4", 4, "candidate"),
            new Candidate("lai-6", 6, "candidate"));

    /**
     * A construction with the design's first look that suits it.
     *
     * @param sequence the confidence sequence's name
     * @param start the design's first look
     * @param role chosen, before or candidate
     */
    record Candidate(String sequence, int start, String role) {
        List<Integer> looks(int max) {
            List<Integer> looks = new java.util.ArrayList<>();
            for (int n = start; n < max; n += 2) {
                looks.add(n);
            }
            looks.add(max);
            return looks;
        }

        DecisionRule rule(int max) {
            return new DecisionRule(true, null, max, sequence, null, null);
        }

        String label() {
            return "sequence=" + sequence + " role=" + role + " first_look=" + start;
        }
    }

    /**
     * A shape of per-seed gains with mean 0 and standard deviation 0.05 (the statistics are scale-free).
     *
     * @param name its name in the output
     * @param tail which way it is skewed and what in a run produces it
     * @param gain draws one gain
     */
    record Shape(String name, String tail, Function<SplittableRandom, DoubleSupplier> gain) {}

    static final double SD = 0.05;
    static final Shape[] SHAPES = {
        new Shape("gaussian", "symmetric", r -> () -> SD * r.nextGaussian()),
        new Shape("student-t3", "symmetric-heavy-tails", r -> () -> SD / Math.sqrt(3) * studentT3(r)),
        // 10% of seeds 3 spreads below: a transfer trial that collapsed (mean kept at 0)
        new Shape("left-outliers-10pct", "left:collapsed-transfer", r -> () -> SD * (r.nextDouble() < 0.1 ? -3 + r.nextGaussian() : r.nextGaussian()) + 0.3 * SD),
        // exponential: a long right tail, as from scratch baselines that collapse now and then
        new Shape("right-skewed-exponential", "right:collapsed-scratch", r -> () -> SD * (-Math.log(1 - r.nextDouble()) - 1)),
    };

    private DecideSimulation() {}

    static double[] draw(DoubleSupplier gain, int n) {
        double[] gains = new double[n];
        for (int i = 0; i < n; i++) {
            gains[i] = Math.max(-1, Math.min(1, gain.getAsDouble()));
        }
        return gains;
    }

    public static void main(String[] args) {
        widths();
        for (int max : new int[] {10, 20}) {
            nulls(max);
            power(max);
        }
        companion();
        horizon();
        across();
        boundedOnly();
    }

    /** Half-widths in sample standard deviations, and the Student-t and Pocock figures the choice was weighed against. */
    static void widths() {
        for (Candidate c : CANDIDATES) {
            ConfidenceSequence s = ConfidenceSequence.named(c.sequence());
            StringBuilder line = new StringBuilder("decide-width " + c.label());
            for (int n : new int[] {3, 4, 5, 7, 10, 20}) {
                line.append(String.format(Locale.ROOT, " n%d_sd=%.3f", n, s.halfWidth(n, 0.05)));
            }
            System.out.println(line.append(String.format(Locale.ROOT, " n5_at_sd_0.05=%.3f", SD * s.halfWidth(5, 0.05))));
        }
        System.out.printf(Locale.ROOT, "decide-width reference=student-t-fixed-n n5_sd=%.3f n10_sd=%.3f n20_sd=%.3f%n", tHalf(5, 0.05), tHalf(10, 0.05),
                tHalf(20, 0.05));
        double pocock = pocockNominal();
        System.out.printf(Locale.ROOT, "decide-width reference=pocock-looks-3..20 n5_sd=%.3f n10_sd=%.3f n20_sd=%.3f%n", tHalf(5, pocock),
                tHalf(10, pocock), tHalf(20, pocock));
    }

    /** With no true gain: the share of runs ending positive and negative, per shape and construction, beside a t-interval at every look. */
    static void nulls(int max) {
        for (Shape shape : SHAPES) {
            for (Candidate c : CANDIDATES) {
                int[] wrong = nullRuns(shape, c.rule(max), c.looks(max), max);
                System.out.printf(Locale.ROOT, "decide-null max=%d gains=%s tail=%s %s false_positive=%.4f false_negative=%.4f false_total=%.4f%n",
                        max, shape.name(), shape.tail(), c.label(), (double) wrong[0] / RUNS, (double) wrong[1] / RUNS,
                        (double) (wrong[0] + wrong[1]) / RUNS);
            }
            int[] naive = nullRuns(shape, new DecisionRule(false, null, max), CANDIDATES.get(0).looks(max), max);
            System.out.printf(Locale.ROOT, "decide-null max=%d gains=%s tail=%s sequence=student-t-every-look role=naive false_positive=%.4f "
                    + "false_negative=%.4f false_total=%.4f%n", max, shape.name(), shape.tail(), (double) naive[0] / RUNS, (double) naive[1] / RUNS,
                    (double) (naive[0] + naive[1]) / RUNS);
        }
    }

    private static int[] nullRuns(Shape shape, DecisionRule rule, List<Integer> looks, int max) {
        SplittableRandom random = new SplittableRandom(7);
        DoubleSupplier gain = shape.gain().apply(random);
        int[] wrong = new int[2];
        for (int i = 0; i < RUNS; i++) {
            Verdict verdict = rule.replay(draw(gain, max), looks).verdict();
            wrong[0] += verdict == Verdict.positive ? 1 : 0;
            wrong[1] += verdict == Verdict.negative ? 1 : 0;
        }
        return wrong;
    }

    /** With a true gain (Gaussian spread): share decided, median and mean seeds, coverage of the final interval. */
    static void power(int max) {
        for (double[] g : new double[][] {{0.1, 0.05}, {0.05, 0.05}, {0.02, 0.05}, {0.1, 0.1}, {-0.05, 0.02}}) {
            for (Candidate c : CANDIDATES.subList(0, 2)) {
                SplittableRandom random = new SplittableRandom(31);
                DecisionRule rule = c.rule(max);
                int[] seeds = new int[RUNS];
                int covered = 0;
                int decided = 0;
                for (int i = 0; i < RUNS; i++) {
                    DecisionRule.Stop outcome = rule.replay(draw(() -> g[0] + g[1] * random.nextGaussian(), max), c.looks(max));
                    seeds[i] = outcome.seeds();
                    covered += outcome.interval().low() <= g[0] && g[0] <= outcome.interval().high() ? 1 : 0;
                    decided += outcome.verdict().decided() ? 1 : 0;
                }
                Arrays.sort(seeds);
                System.out.printf(Locale.ROOT, "decide-power max=%d gain=%+.2f sd=%.2f %s decided=%.4f median_seeds=%d mean_seeds=%.2f coverage=%.4f%n",
                        max, g[0], g[1], c.label(), (double) decided / RUNS, seeds[RUNS / 2], Arrays.stream(seeds).average().orElseThrow(),
                        (double) covered / RUNS);
            }
        }
    }

    /**
     * The distribution-free companion (the sign-test sequence for the median) at the seeds where the
     * chosen design stopped, on the four shapes with mean 0 and on the two skewed ones moved to median
     * 0 (its own null); and the Gaussian verdict on those median-0 shapes for contrast.
     */
    static void companion() {
        Candidate chosen = CANDIDATES.get(0);
        int max = 20;
        DecisionRule rule = chosen.rule(max);
        for (Shape shape : SHAPES) {
            for (boolean medianZero : new boolean[] {false, true}) {
                if (medianZero && shape.tail().startsWith("symmetric")) {
                    continue;
                }
                double shift = medianZero ? -sampleMedian(shape) : 0;
                SplittableRandom random = new SplittableRandom(7);
                DoubleSupplier gain = shape.gain().apply(random);
                int[] sign = new int[2];
                int[] mean = new int[2];
                int opposite = 0;
                int[] both = new int[2];
                int runs = RUNS / 4;
                for (int i = 0; i < runs; i++) {
                    double[] gains = draw(() -> gain.getAsDouble() + shift, max);
                    DecisionRule.Stop stop = rule.replay(gains, chosen.looks(max));
                    DecisionRule.Companion c = rule.companion(Arrays.copyOf(gains, stop.seeds()));
                    sign[0] += c.verdict() == Verdict.positive ? 1 : 0;
                    sign[1] += c.verdict() == Verdict.negative ? 1 : 0;
                    mean[0] += stop.verdict() == Verdict.positive ? 1 : 0;
                    mean[1] += stop.verdict() == Verdict.negative ? 1 : 0;
                    opposite += c.opposite() ? 1 : 0;
                    both[0] += stop.verdict() == Verdict.positive && c.verdict() == Verdict.positive ? 1 : 0;
                    both[1] += stop.verdict() == Verdict.negative && c.verdict() == Verdict.negative ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "decide-companion max=%d gains=%s tail=%s centred=%s runs=%d sign_positive=%.4f sign_negative=%.4f "
                        + "gaussian_positive=%.4f gaussian_negative=%.4f both_positive=%.4f both_negative=%.4f opposite=%.4f%n", max, shape.name(),
                        shape.tail(), medianZero ? "median-0" : "mean-0", runs, (double) sign[0] / runs, (double) sign[1] / runs,
                        (double) mean[0] / runs, (double) mean[1] / runs, (double) both[0] / runs, (double) both[1] / runs, (double) opposite / runs);
            }
        }
        // its power where the Gaussian one decides: a gain of +0.1 with spread 0.05, over the seeds the design used
        for (int n : new int[] {5, 7, 10, 20}) {
            SplittableRandom random = new SplittableRandom(31);
            int decided = 0;
            int runs = RUNS / 4;
            for (int i = 0; i < runs; i++) {
                decided += rule.companion(draw(() -> 0.1 + 0.05 * random.nextGaussian(), n)).verdict() == Verdict.positive ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "decide-companion-power gain=+0.10 sd=0.05 seeds=%d sign_positive=%.4f%n", n, (double) decided / runs);
        }
    }

    /** Misses at any number of seeds: the share of runs in which some look up to 500 seeds excludes the true mean. */
    static void horizon() {
        for (Candidate c : CANDIDATES.subList(0, 2)) {
            ConfidenceSequence s = ConfidenceSequence.named(c.sequence());
            for (Shape shape : new Shape[] {SHAPES[0], SHAPES[3]}) {
                SplittableRandom random = new SplittableRandom(13);
                DoubleSupplier gain = shape.gain().apply(random);
                int runs = 2000;
                int missed = 0;
                for (int i = 0; i < runs; i++) {
                    double[] gains = draw(gain, 500);
                    // p ≤ α for mean 0 exactly when some look excluded it
                    missed += s.against(gains, 0).pValue() <= 0.05 ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "decide-horizon max=500 gains=%s tail=%s %s runs=%d missed_at_some_n=%.4f%n", shape.name(), shape.tail(),
                        c.label(), runs, (double) missed / runs);
            }
        }
    }

    /** Error control across 40 strategies (4 gaining +0.1, 36 nothing; groups of 4 share baselines), at most 20 seeds. */
    static void across() {
        Candidate chosen = CANDIDATES.get(0);
        int max = 20;
        int strategies = 40;
        int real = 4;
        int runs = 1000;
        for (ErrorControl control : ErrorControl.values()) {
            DecisionRule rule = chosen.rule(max).controlled(control, 0.05);
            SplittableRandom random = new SplittableRandom(5);
            double fdp = 0;
            int anyFalse = 0;
            double found = 0;
            double seeds = 0;
            for (int r = 0; r < runs; r++) {
                double[][] baselines = new double[strategies / 4][max];
                for (double[] b : baselines) {
                    for (int s = 0; s < max; s++) {
                        b[s] = 0.035 * random.nextGaussian();
                    }
                }
                Map<Integer, double[]> gains = new LinkedHashMap<>();
                for (int k = 0; k < strategies; k++) {
                    double[] g = new double[max];
                    for (int s = 0; s < max; s++) {
                        g[s] = (k < real ? 0.1 : 0) + 0.035 * random.nextGaussian() - baselines[k / 4][s];
                    }
                    gains.put(k, g);
                }
                int claims = 0;
                int wrong = 0;
                for (Map.Entry<Integer, DecisionRule.Replayed> e : rule.replay(gains, chosen.looks(max)).entrySet()) {
                    Verdict v = e.getValue().stop().verdict();
                    seeds += e.getValue().stop().seeds();
                    if (v == Verdict.positive || v == Verdict.negative) {
                        claims++;
                        boolean right = e.getKey() < real && v == Verdict.positive;
                        wrong += right ? 0 : 1;
                        found += right ? 1 : 0;
                    }
                }
                fdp += claims == 0 ? 0 : (double) wrong / claims;
                anyFalse += wrong > 0 ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "decide-across control=%s level=0.05 strategies=%d real=%d runs=%d fdr=%.4f fwer=%.4f real_found=%.2f "
                    + "mean_seeds=%.2f%n", control, strategies, real, runs, fdp / runs, (double) anyFalse / runs, found / runs, seeds / runs / strategies);
        }
    }

    /** What boundedness alone allows: under a null of mean 0 on [-1, 1], n identical gains of +0.1 have probability (1 - p)^n. */
    static void boundedOnly() {
        double p = 0.1 / 1.1;
        System.out.printf(Locale.ROOT, "decide-bounded-only gain=+0.1 spread=0 min_seeds_one_sided_5pct=%d min_seeds_two_sided_5pct=%d%n",
                (int) Math.ceil(Math.log(0.05) / Math.log(1 - p)), (int) Math.ceil(Math.log(0.025) / Math.log(1 - p)));
    }

    private static double sampleMedian(Shape shape) {
        SplittableRandom random = new SplittableRandom(99);
        DoubleSupplier gain = shape.gain().apply(random);
        double[] sample = new double[200001];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = gain.getAsDouble();
        }
        return Interval.median(sample);
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
     * The nominal two-sided level of Pocock's repeated t-tests at the looks 3, 5, ..., 19, 20 that
     * keeps the overall level at 5% for Gaussian data, calibrated by simulation.
     */
    static double pocockNominal() {
        if (pocock != null) {
            return pocock;
        }
        List<Integer> looks = new Candidate("pocock", 3, "reference").looks(20);
        SplittableRandom random = new SplittableRandom(3);
        int runs = 100000;
        double[] smallest = new double[runs];
        TDistribution[] t = new TDistribution[21];
        for (int look : looks) {
            t[look] = new TDistribution(look - 1);
        }
        for (int i = 0; i < runs; i++) {
            double[] x = new double[20];
            for (int k = 0; k < x.length; k++) {
                x[k] = random.nextGaussian();
            }
            double min = 1;
            for (int look : looks) {
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
