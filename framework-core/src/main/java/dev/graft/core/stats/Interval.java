package dev.graft.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over seeds with a two-sided 95% interval (NaN bounds when the method cannot give one).
 *
 * @param n values
 * @param mean their mean
 * @param sd sample standard deviation (NaN when n &lt; 2)
 * @param low lower bound of the 95% interval
 * @param high upper bound of the 95% interval
 * @param method how the bounds were made
 */
public record Interval(int n, double mean, double sd, double low, double high, Method method) {

    /** How an interval's bounds were made. */
    public enum Method {
        /** Student's t at a fixed number of seeds: valid when the number of seeds was fixed in advance. */
        STUDENT_T("95% Student-t interval"),
        /**
         * An anytime-valid confidence sequence ({@link ConfidenceSequence}): valid however the
         * number of seeds was chosen, in particular when seeds were added until a verdict was reached.
         */
        CONFIDENCE_SEQUENCE("95% anytime-valid confidence sequence");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        /** @return a short name for reports, e.g. "95% Student-t interval" */
        public String description() {
            return description;
        }
    }

    /**
     * @param values the values (one per seed)
     * @return their mean and 95% Student-t interval (NaN bounds with fewer than two values)
     */
    public static Interval studentT(double[] values) {
        int n = values.length;
        double mean = mean(values);
        double sd = sd(values, mean);
        if (n < 2) {
            return new Interval(n, mean, sd, Double.NaN, Double.NaN, Method.STUDENT_T);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new Interval(n, mean, sd, mean - half, mean + half, Method.STUDENT_T);
    }

    /** @return whether the interval has finite bounds */
    public boolean bounded() {
        return Double.isFinite(low) && Double.isFinite(high);
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
