package dev.graft.reports;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean with its two-sided 95% confidence interval from Student's t over n values (NaN bounds
 * when n &lt; 2).
 *
 * @param n values
 * @param mean their mean
 * @param sd sample standard deviation
 * @param low lower bound of the 95% interval
 * @param high upper bound of the 95% interval
 */
public record Interval(int n, double mean, double sd, double low, double high) {

    /**
     * @param values the values (seeds)
     * @return their mean and 95% t-interval
     */
    public static Interval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Interval(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double v : values) {
            mean += v / n;
        }
        if (n < 2) {
            return new Interval(n, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new Interval(n, mean, sd, mean - half, mean + half);
    }
}
