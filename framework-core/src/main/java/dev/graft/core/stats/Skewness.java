package dev.graft.core.stats;

/**
 * The sample skewness of gains, as a z-score: the adjusted Fisher–Pearson coefficient {@code G1}
 * over its standard error under normality, {@code √(6n(n-1) / ((n-2)(n+1)(n+3)))} (Joanes &amp;
 * Gill 1998). It matters because the Gaussian interval errs in a known direction under skew:
 * right-skewed gains (a scratch baseline that collapses now and then) give false <em>negative</em>
 * verdicts, left-skewed gains (a transfer trial that collapses) false <em>positive</em> ones
 * (docs/statistics.md measures both).
 */
public final class Skewness {
    /** |z| above which a strategy's gains are called strongly skewed: about 1.5% of Gaussian samples of 7 to 20 cross it. */
    public static final double STRONG = 2.5;
    /** Fewer gains than this say too little about shape to warn. */
    public static final int MIN_VALUES = 7;

    private Skewness() {}

    /**
     * @param values finite numbers
     * @return {@code G1} over its standard error; 0 with fewer than 3 values or zero spread
     */
    public static double z(double[] values) {
        int n = values.length;
        if (n < 3) {
            return 0;
        }
        double mean = Interval.mean(values);
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            m2 += (v - mean) * (v - mean) / n;
            m3 += (v - mean) * (v - mean) * (v - mean) / n;
        }
        if (m2 == 0) {
            return 0;
        }
        double g1 = m3 / Math.pow(m2, 1.5);
        double adjusted = g1 * Math.sqrt(n * (n - 1.0)) / (n - 2);
        double standardError = Math.sqrt(6.0 * n * (n - 1) / ((n - 2.0) * (n + 1) * (n + 3)));
        return adjusted / standardError;
    }
}
