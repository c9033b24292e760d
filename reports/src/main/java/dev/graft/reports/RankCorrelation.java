package dev.graft.reports;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Rank correlations between a metric's scores and the realised outcomes: Kendall's tau-b and
 * Vigna's (2015) weighted tau with hyperbolic additive weights, as SciPy's {@code kendalltau} and
 * {@code weightedtau} (defaults) compute them. Both are 1 when the orders agree, -1 when reversed;
 * the weighted tau counts disagreements among the top-ranked items more.
 */
public final class RankCorrelation {
    private RankCorrelation() {}

    /** @return Kendall's tau-b of x and y; NaN with fewer than two pairs or when one side is constant */
    public static double kendallTau(double[] x, double[] y) {
        return tau(x, y, null);
    }

    /**
     * @return the weighted tau: the mean of the tau weighted by the decreasing lexicographic rank
     *     by (x, y) and the one weighted by the rank by (y, x), each pair weighted 1/(r_i+1) + 1/(r_j+1)
     */
    public static double weightedTau(double[] x, double[] y) {
        return (tau(x, y, weights(x, y)) + tau(y, x, weights(y, x))) / 2;
    }

    /** Hyperbolic weight of each element by its position in the decreasing order of (a, then b). */
    private static double[] weights(double[] a, double[] b) {
        Integer[] order = new Integer[a.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // + 0.0 makes -0.0 equal to 0.0, as NumPy compares them (Double.compare does not)
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> a[i] + 0.0).thenComparingDouble(i -> b[i] + 0.0).reversed());
        double[] w = new double[a.length];
        for (int r = 0; r < order.length; r++) {
            w[order[r]] = 1.0 / (r + 1);
        }
        return w;
    }

    /** Sum over pairs of w_ij sgn(dx) sgn(dy) / sqrt(sum over x-untied pairs w_ij * sum over y-untied pairs w_ij); w null = 1. */
    private static double tau(double[] x, double[] y, double[] w) {
        double concordance = 0;
        double untiedX = 0;
        double untiedY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double weight = w == null ? 1 : w[i] + w[j];
                double sx = Math.signum(x[i] - x[j]);
                double sy = Math.signum(y[i] - y[j]);
                concordance += weight * sx * sy;
                untiedX += sx != 0 ? weight : 0;
                untiedY += sy != 0 ? weight : 0;
            }
        }
        return untiedX == 0 || untiedY == 0 ? Double.NaN : concordance / Math.sqrt(untiedX * untiedY);
    }
}
