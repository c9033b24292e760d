package dev.graft.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.SeedPlan;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Error control across a run's strategies, by simulation of whole runs: 40 strategies, 4 with a
 * real gain and 36 without, strategies in groups of 4 sharing their scratch baselines (so their
 * gains are dependent, as in a run), seeds added as the run adds them. The per-strategy verdicts
 * make more wrong claims than either control allows; the controls hold.
 */
class ErrorControlTest {
    static final SeedPlan.Sequential PLAN = new SeedPlan.Sequential(5, 20, 2, 1L);
    static final int STRATEGIES = 40;
    static final int REAL = 4;
    static final int RUNS = 200;

    /** A run's gains: transfer minus the shared baseline of its group, spread 0.05 each; the first {@link #REAL} strategies gain +0.1. */
    static Map<Integer, double[]> run(SplittableRandom random) {
        double[][] baselines = new double[STRATEGIES / 4][PLAN.max()];
        for (double[] b : baselines) {
            for (int s = 0; s < b.length; s++) {
                b[s] = 0.035 * random.nextGaussian();
            }
        }
        Map<Integer, double[]> gains = new LinkedHashMap<>();
        for (int k = 0; k < STRATEGIES; k++) {
            double[] g = new double[PLAN.max()];
            for (int s = 0; s < g.length; s++) {
                g[s] = (k < REAL ? 0.1 : 0) + 0.035 * random.nextGaussian() - baselines[k / 4][s];
            }
            gains.put(k, g);
        }
        return gains;
    }

    /** Per run: [false claims, claims]; claims are positive or negative verdicts, false ones those of strategies without a gain (or of the wrong sign). */
    static int[][] claims(DecisionRule rule, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] out = new int[RUNS][2];
        for (int r = 0; r < RUNS; r++) {
            Map<Integer, DecisionRule.Replayed> replayed = rule.replay(run(random), PLAN.looks());
            for (Map.Entry<Integer, DecisionRule.Replayed> e : replayed.entrySet()) {
                Verdict v = e.getValue().stop().verdict();
                if (v == Verdict.positive || v == Verdict.negative) {
                    out[r][1]++;
                    out[r][0] += e.getKey() < REAL && v == Verdict.positive ? 0 : 1;
                }
            }
        }
        return out;
    }

    static double falseDiscoveryRate(int[][] claims) {
        return Arrays.stream(claims).mapToDouble(c -> c[1] == 0 ? 0 : (double) c[0] / c[1]).average().orElseThrow();
    }

    static double familyWiseErrorRate(int[][] claims) {
        return Arrays.stream(claims).mapToDouble(c -> c[0] > 0 ? 1 : 0).average().orElseThrow();
    }

    static final DecisionRule PER_STRATEGY = new DecisionRule(true, null, PLAN.max());
    /** 5% plus three Monte Carlo standard errors of a 5% rate over {@link #RUNS} runs. */
    static final double ALLOWED = 0.05 + 3 * Math.sqrt(0.05 * 0.95 / RUNS);

    @Test
    void theFalseDiscoveryRateIsHeldWherePerStrategyVerdictsExceedIt() {
        double perStrategy = falseDiscoveryRate(claims(PER_STRATEGY, 5));
        int[][] controlled = claims(PER_STRATEGY.controlled(ErrorControl.fdr, 0.05), 5);
        double fdr = falseDiscoveryRate(controlled);
        assertTrue(perStrategy > ALLOWED, String.format(Locale.ROOT, "per-strategy verdicts: false discovery rate %.3f", perStrategy));
        assertTrue(fdr <= ALLOWED, String.format(Locale.ROOT, "under fdr control: %.3f", fdr));
        double found = Arrays.stream(controlled).mapToInt(c -> c[1] - c[0]).average().orElseThrow();
        assertTrue(found > 3, "the real gains are still found: " + found + " of " + REAL + " per run");
    }

    @Test
    void theFamilyWiseErrorRateIsHeldWherePerStrategyVerdictsExceedIt() {
        double perStrategy = familyWiseErrorRate(claims(PER_STRATEGY, 7));
        int[][] controlled = claims(PER_STRATEGY.controlled(ErrorControl.fwer, 0.05), 7);
        double fwer = familyWiseErrorRate(controlled);
        assertTrue(perStrategy > 0.3, String.format(Locale.ROOT, "per-strategy verdicts: some false claim in %.3f of runs", perStrategy));
        assertTrue(fwer <= ALLOWED, String.format(Locale.ROOT, "under fwer control: %.3f", fwer));
    }

    /** e-BH on the calibrated e-values rejects exactly what Benjamini–Yekutieli's step-up rejects. */
    @Test
    void eBhOnCalibratedPValuesIsBenjaminiYekutieli() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 2000; trial++) {
            int k = 1 + random.nextInt(40);
            double[] p = new double[k];
            for (int i = 0; i < k; i++) {
                p[i] = random.nextDouble() < 0.3 ? Math.pow(random.nextDouble(), 4) * 0.05 : random.nextDouble();
            }
            double q = random.nextBoolean() ? 0.05 : 0.1;
            assertArrayEquals(benjaminiYekutieli(p, q), ErrorControl.eBh(ErrorControl.calibrated(p, q), q), Arrays.toString(p));
        }
    }

    @Test
    void theCalibratorIsAValidOneItsEValuesIntegrateToOne() {
        int k = 12;
        double q = 0.05;
        double integral = 0;
        int steps = 1_000_000;
        for (int s = 0; s < steps; s++) {
            double p = (s + 0.5) / steps;
            double[] ps = new double[k];
            Arrays.fill(ps, p);
            integral += ErrorControl.calibrated(ps, q)[0] / steps;
        }
        assertEquals(1.0, integral, 1e-3);
    }

    @Test
    void fdrVerdictsCarryTheSignOfTheEvidenceAndLeaveEquivalenceToEachStrategy() {
        DecisionRule rule = new DecisionRule(true, 0.05, 20).controlled(ErrorControl.fdr, 0.05);
        Map<String, double[]> gains = new LinkedHashMap<>();
        gains.put("up", new double[] {0.11, 0.09, 0.1, 0.12, 0.1, 0.08, 0.11});
        gains.put("down", new double[] {-0.11, -0.09, -0.1, -0.12, -0.1, -0.08, -0.11});
        gains.put("flat", new double[] {0.001, -0.002, 0.0, 0.002, -0.001, 0.0, 0.001});
        Map<String, DecisionRule.Decision> d = rule.decide(gains);
        assertEquals(Verdict.positive, d.get("up").controlled());
        assertEquals(Verdict.negative, d.get("down").controlled());
        assertEquals(Verdict.equivalent, d.get("flat").controlled());
        assertTrue(d.get("up").eValue() > 0 && Double.isNaN(new DecisionRule(true, null, 20).decide(gains).get("up").eValue()));
    }

    private static boolean[] benjaminiYekutieli(double[] p, double q) {
        int k = p.length;
        double harmonic = 0;
        for (int j = 1; j <= k; j++) {
            harmonic += 1.0 / j;
        }
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        double cut = -1;
        for (int i = k; i >= 1; i--) {
            if (sorted[i - 1] <= i * q / (k * harmonic)) {
                cut = sorted[i - 1];
                break;
            }
        }
        boolean[] out = new boolean[k];
        for (int i = 0; i < k; i++) {
            out[i] = p[i] <= cut;
        }
        return out;
    }
}
