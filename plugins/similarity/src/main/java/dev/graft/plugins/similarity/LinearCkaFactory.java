package dev.graft.plugins.similarity;

import dev.graft.spi.GraftException;
import dev.graft.spi.similarity.SimilarityMetric;
import dev.graft.spi.similarity.SimilarityMetricFactory;

/**
 * Linear CKA (Kornblith et al. 2019) between the backbone's representation of the source and of
 * the target data. CKA compares two representations of the same set of items; source and target
 * examples are different items, but the backbone's feature dimensions are shared, so the paired
 * items here are the features: each dataset describes a feature by its (centred) responses, and
 * CKA compares the two feature-by-feature Gram matrices, {@code <H Cs H, H Ct H>_F / (|H Cs H|_F
 * |H Ct H|_F)} with {@code Cs, Ct} the feature covariance matrices and {@code H} the centring
 * matrix over features. 1 when the backbone's features co-vary in the same way on both datasets;
 * invariant to rescaling either dataset and to orthogonal rotations of the feature space.
 */
public final class LinearCkaFactory implements SimilarityMetricFactory<LinearCkaConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "linear-cka";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LinearCkaConfig> configClass() {
        return LinearCkaConfig.class;
    }

    @Override
    public String description() {
        return "linear CKA (Kornblith et al. 2019) of the feature-by-feature Gram matrices of source and target; higher = closer";
    }

    @Override
    public SimilarityMetric create(LinearCkaConfig config) {
        return new SourceTargetMetric(true, LinearCkaFactory::cka);
    }

    /**
     * @param x source rows (examples x features)
     * @param y target rows (examples x the same features)
     * @return linear CKA with the features as the paired items
     */
    static double cka(double[][] x, double[][] y) {
        if (x.length < 2 || y.length < 2) {
            throw new GraftException("linear-cka needs at least 2 examples per side, got " + x.length + " and " + y.length);
        }
        if (x[0].length != y[0].length) {
            throw new GraftException("linear-cka: source has " + x[0].length + " features, target " + y[0].length);
        }
        if (x[0].length < 2) {
            throw new GraftException("linear-cka needs at least 2 features");
        }
        double[][] gx = centredGram(x);
        double[][] gy = centredGram(y);
        double xy = frobeniusInner(gx, gy);
        double xx = frobeniusInner(gx, gx);
        double yy = frobeniusInner(gy, gy);
        if (xx == 0 || yy == 0) {
            throw new GraftException("linear-cka is undefined: the features of one dataset are constant");
        }
        return xy / Math.sqrt(xx * yy);
    }

    /** H C H with C the feature covariance (centred over examples) and H centring over features. */
    static double[][] centredGram(double[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] c = new double[d][d];
        double[] centred = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double va = centred[a];
                if (va == 0) {
                    continue;
                }
                for (int b = a; b < d; b++) {
                    c[a][b] += va * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                c[a][b] = c[b][a];
            }
        }
        double[] rowMean = new double[d];
        double total = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                rowMean[a] += c[a][b] / d;
            }
            total += rowMean[a] / d;
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                c[a][b] = c[a][b] - rowMean[a] - rowMean[b] + total;
            }
        }
        return c;
    }

    private static double frobeniusInner(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += a[i][j] * b[i][j];
            }
        }
        return sum;
    }
}
