package dev.graft.plugins.similarity;

import dev.graft.spi.GraftException;
import dev.graft.spi.similarity.SimilarityMetric;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import java.util.Arrays;

/**
 * Maximum mean discrepancy (Gretton et al. 2012) between source and target features: the
 * unbiased estimate of MMD² with the Gaussian kernel {@code exp(-|x-y|² / (2 sigma²))}. Zero when
 * the two feature distributions coincide; larger is more distant.
 */
public final class MmdFactory implements SimilarityMetricFactory<MmdConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "mmd";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MmdConfig> configClass() {
        return MmdConfig.class;
    }

    @Override
    public String description() {
        return "unbiased MMD² (Gretton et al. 2012) between source and target features, RBF kernel, median-heuristic bandwidth; lower = closer";
    }

    @Override
    public SimilarityMetric create(MmdConfig config) {
        return new SourceTargetMetric(false, (x, y) -> mmd2(x, y, config.bandwidth()));
    }

    /**
     * @param x source rows
     * @param y target rows
     * @param bandwidth sigma, or null for the median heuristic
     * @return the unbiased MMD² estimate
     */
    static double mmd2(double[][] x, double[][] y, Double bandwidth) {
        if (x.length < 2 || y.length < 2) {
            throw new GraftException("mmd needs at least 2 examples per side, got " + x.length + " and " + y.length);
        }
        if (x[0].length != y[0].length) {
            throw new GraftException("mmd: source has " + x[0].length + " features, target " + y[0].length);
        }
        double sigma = bandwidth != null ? bandwidth : medianDistance(x, y);
        if (!(sigma > 0)) {
            throw new GraftException("mmd: every feature vector is identical (median distance 0); the bandwidth is undefined");
        }
        double gamma = 1.0 / (2 * sigma * sigma);
        int m = x.length;
        int n = y.length;
        double kxx = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                kxx += Math.exp(-gamma * squaredDistance(x[i], x[j]));
            }
        }
        double kyy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                kyy += Math.exp(-gamma * squaredDistance(y[i], y[j]));
            }
        }
        double kxy = 0;
        for (double[] xi : x) {
            for (double[] yj : y) {
                kxy += Math.exp(-gamma * squaredDistance(xi, yj));
            }
        }
        return 2 * kxx / ((double) m * (m - 1)) + 2 * kyy / ((double) n * (n - 1)) - 2 * kxy / ((double) m * n);
    }

    static double medianDistance(double[][] x, double[][] y) {
        double[][] pooled = new double[x.length + y.length][];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        int p = pooled.length;
        double[] distances = new double[p * (p - 1) / 2];
        int k = 0;
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                distances[k++] = Math.sqrt(squaredDistance(pooled[i], pooled[j]));
            }
        }
        Arrays.sort(distances);
        int mid = distances.length / 2;
        return distances.length % 2 == 1 ? distances[mid] : (distances[mid - 1] + distances[mid]) / 2;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
