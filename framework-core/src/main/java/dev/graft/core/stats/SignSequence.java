package dev.graft.core.stats;

import java.util.Arrays;
import org.apache.commons.math3.special.Beta;

/**
 * The distribution-free companion of the Gaussian confidence sequence: an anytime-valid 95%
 * confidence sequence for the <em>median</em> gain from signs alone, which assumes nothing about
 * the shape of the gains (only that seeds are independent). Its question is "does transfer beat
 * its paired baseline on the typical seed?", which under skewed gains differs from the mean's.
 *
 * <p>For a candidate median {@code m}, the seeds whose value differs from {@code m} are above or
 * below it with probability ½ each if {@code m} is the median ({@code P(X > m) = P(X < m)}).
 * Against that fair coin, the Krichevsky–Trofimov mixture (a Beta(½, ½) prior on the chance of
 * "above") has likelihood ratio
 *
 * <pre>K_n(m) = 2^(a + b) · B(a + ½, b + ½) / B(½, ½)</pre>
 *
 * after {@code a} values above and {@code b} below: a test martingale starting at 1 (ties with
 * {@code m} are skipped, which leaves the signs a fair coin). By Ville's inequality
 * {@code C_n = {m : K_n(m) < 1/α}} covers the median at every n at once with probability at least
 * {@code 1 - α}; the reported interval is the running intersection, clipped to the range the
 * values can take. It needs 7 seeds of one sign to exclude zero, 12 with one of the other sign:
 * no test from signs can do much better (an exact sign test at a fixed 5 seeds cannot reject at
 * 5% either), which is the price of assuming nothing about shape.
 */
public final class SignSequence {
    private SignSequence() {}

    /**
     * @param values the observations in seed order, finite numbers
     * @param alpha one minus the coverage
     * @param range the largest magnitude the values can take (a gain lies in [-1, 1])
     * @return their median with the running intersection of the sequence, within [-range, range]
     */
    public static Interval of(double[] values, double alpha, double range) {
        Interval.requireFinite(values);
        int n = values.length;
        double median = Interval.median(values);
        String method = Interval.percent(1 - alpha) + " anytime-valid sign-test sequence for the median (Krichevsky-Trofimov mixture)";
        double low = -range;
        double high = range;
        for (int k = 1; k <= n; k++) {
            double[] seen = Arrays.copyOf(values, k);
            Arrays.sort(seen);
            double[] look = at(seen, alpha, range);
            low = Math.max(low, look[0]);
            high = Math.min(high, look[1]);
        }
        if (low > high) {
            // an empty intersection (probability at most α): the last interval alone
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] last = at(sorted, alpha, range);
            low = last[0];
            high = last[1];
        }
        return new Interval(n, median, Double.NaN, low, high, method);
    }

    /**
     * @param values the observations in seed order, finite numbers
     * @param candidate the candidate median (0: no gain on the typical seed)
     * @return the anytime-valid p-value for it (the smallest α at which the running intersection
     *     excludes it) with the side the values lay on
     */
    public static ConfidenceSequence.Evidence against(double[] values, double candidate) {
        Interval.requireFinite(values);
        int above = 0;
        int below = 0;
        double best = 0;
        int direction = 0;
        for (double v : values) {
            above += v > candidate ? 1 : 0;
            below += v < candidate ? 1 : 0;
            double evidence = logEvidence(above, below);
            if (evidence > best) {
                best = evidence;
                direction = above > below ? 1 : -1;
            }
        }
        return new ConfidenceSequence.Evidence(Math.min(1, Math.exp(-best)), direction);
    }

    /** The set {m : K(m) < 1/α} over the sorted values, as [low, high]: the pieces between and at the values that stay inside. */
    private static double[] at(double[] sorted, double alpha, double range) {
        int n = sorted.length;
        double threshold = Math.log(1 / alpha);
        double low = Double.NaN;
        double high = Double.NaN;
        // piece i: the open gap below sorted[i] (i = 0: below every value; i = n: above every value), then the point sorted[i]
        for (int i = 0; i <= n; i++) {
            if (i == 0 || sorted[i - 1] < (i < n ? sorted[i] : Double.POSITIVE_INFINITY)) {
                // a gap: i values below, n - i above
                if (logEvidence(n - i, i) < threshold) {
                    double from = i == 0 ? -range : sorted[i - 1];
                    double to = i == n ? range : sorted[i];
                    low = Double.isNaN(low) ? from : Math.min(low, from);
                    high = Double.isNaN(high) ? to : Math.max(high, to);
                }
            }
            if (i < n && (i == 0 || sorted[i] != sorted[i - 1])) {
                // the point sorted[i], its ties skipped
                int below = i;
                int tied = 0;
                while (i + tied < n && sorted[i + tied] == sorted[i]) {
                    tied++;
                }
                if (logEvidence(n - below - tied, below) < threshold) {
                    low = Double.isNaN(low) ? sorted[i] : Math.min(low, sorted[i]);
                    high = Double.isNaN(high) ? sorted[i] : Math.max(high, sorted[i]);
                }
            }
        }
        if (Double.isNaN(low)) {
            // nothing stays inside at this look (probability at most α): it excludes everything
            return new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        }
        return new double[] {Math.max(-range, low), Math.min(range, high)};
    }

    /** log K after {@code above} values above the candidate and {@code below} below it. */
    static double logEvidence(int above, int below) {
        return (above + below) * Math.log(2) + Beta.logBeta(above + 0.5, below + 0.5) - Beta.logBeta(0.5, 0.5);
    }
}
