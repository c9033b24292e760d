package dev.graft.core.stats;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over seeds with a two-sided interval (NaN bounds when the method cannot give one).
 *
 * @param n values
 * @param mean their mean
 * @param sd sample standard deviation (NaN when n &lt; 2)
 * @param low lower bound of the interval
 * @param high upper bound of the interval
 * @param method how the bounds were made and their coverage, for a reader: e.g. "95% Student-t
 *     interval", "95% anytime-valid confidence sequence (Lai 1976, flat mixture, from 5 seeds)"
 */
public record Interval(int n, double mean, double sd, double low, double high, String method) {

    /** What {@link #studentT} intervals are called. */
    public static final String STUDENT_T = "95% Student-t interval";

    /**
     * @param values the values (one per seed), finite numbers
     * @return their mean and 95% Student-t interval (NaN bounds with fewer than two values)
     */
    public static Interval studentT(double[] values) {
        return studentT(values, 0.05);
    }

    /**
     * @param values the values (one per seed), finite numbers
     * @param alpha one minus the coverage
     * @return their mean and Student-t interval (NaN bounds with fewer than two values)
     */
    public static Interval studentT(double[] values, double alpha) {
        requireFinite(values);
        int n = values.length;
        double mean = mean(values);
        double sd = sd(values, mean);
        String method = percent(1 - alpha) + " Student-t interval";
        if (n < 2) {
            return new Interval(n, mean, sd, Double.NaN, Double.NaN, method);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(1 - alpha / 2) * sd / Math.sqrt(n);
        return new Interval(n, mean, sd, mean - half, mean + half, method);
    }

    /** @return whether the interval has finite bounds */
    public boolean bounded() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /**
     * @param bound the largest possible magnitude of the quantity (1 for an accuracy, 2 would be
     *     wider than any gain can be)
     * @return the bounds clipped to [-bound, bound], for display: an interval wider than what the
     *     quantity can take says nothing more than that range
     */
    public Interval clipped(double bound) {
        return new Interval(n, mean, sd, Double.isNaN(low) ? low : Math.max(-bound, low), Double.isNaN(high) ? high : Math.min(bound, high),
                method);
    }

    /**
     * @param values values that reach an interval
     * @throws IllegalArgumentException naming the first that is NaN or infinite
     */
    static void requireFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + (i + 1) + " of " + values.length + " is " + values[i]
                        + ": an interval needs finite numbers (a gain that is not a number is a failed pair)");
            }
        }
    }

    /** @return e.g. "95%", "99.58%" */
    static String percent(double coverage) {
        String text = String.format(Locale.ROOT, "%.2f", 100 * coverage).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text + "%";
    }

    /**
     * @param values finite numbers
     * @return their median (the mean of the middle two for an even count); NaN for none
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        return mean;
    }

    static double sd(double[] values, double mean) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
