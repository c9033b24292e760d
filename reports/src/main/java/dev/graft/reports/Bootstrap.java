package dev.graft.reports;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap (Efron &amp; Tibshirani 1993) the reports' intervals share: resampling
 * with a fixed seed, so a report is reproducible, and the 2.5th and 97.5th percentiles of the
 * replicates.
 */
final class Bootstrap {
    /** Replicates per interval. */
    static final int RESAMPLES = 2000;

    private Bootstrap() {}

    /**
     * @param values values to draw from
     * @param random the replicate stream
     * @return as many values drawn with replacement
     */
    static double[] resample(double[] values, SplittableRandom random) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[random.nextInt(values.length)];
        }
        return out;
    }

    /**
     * @param draws the replicates' values; NaN ones (a statistic undefined on that replicate) are left out
     * @return {2.5th percentile, 97.5th percentile}, NaN when more than half the replicates are NaN
     */
    static double[] percentiles(double[] draws) {
        double[] defined = Arrays.stream(draws).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (defined.length * 2 < draws.length) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int n = defined.length;
        return new double[] {defined[(int) Math.floor(0.025 * (n - 1))], defined[(int) Math.ceil(0.975 * (n - 1))]};
    }
}
