package dev.graft.plugins.similarity;

import dev.graft.spi.GraftException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** The float64 linear algebra the metrics share: means, covariances, pseudo-inverses, log-determinants. */
final class Matrices {
    private Matrices() {}

    /** @return the column means of {@code x} */
    static double[] mean(double[][] x) {
        double[] mean = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= x.length;
        }
        return mean;
    }

    /** @return {@code x} with its column means subtracted */
    static double[][] centred(double[][] x) {
        double[] mean = mean(x);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = x[i][j] - mean[j];
            }
        }
        return out;
    }

    /** @return {@code a^T a} of a matrix given by rows */
    static double[][] gram(double[][] a) {
        int d = a[0].length;
        double[][] g = new double[d][d];
        for (double[] row : a) {
            for (int p = 0; p < d; p++) {
                double v = row[p];
                if (v == 0) {
                    continue;
                }
                for (int q = p; q < d; q++) {
                    g[p][q] += v * row[q];
                }
            }
        }
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < p; q++) {
                g[p][q] = g[q][p];
            }
        }
        return g;
    }

    /**
     * @param x rows
     * @param ddof delta degrees of freedom: 1 for the unbiased estimate (NumPy's {@code np.cov}), 0 for the biased one
     * @return the feature covariance
     */
    static double[][] covariance(double[][] x, int ddof) {
        double[][] g = gram(centred(x));
        scale(g, 1.0 / (x.length - ddof));
        return g;
    }

    static void scale(double[][] a, double factor) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    /** @return the eigen-decomposition of a symmetric matrix */
    static EigenDecomposition eigen(double[][] symmetric) {
        return new EigenDecomposition(new Array2DRowRealMatrix(symmetric, false));
    }

    /**
     * The Moore-Penrose pseudo-inverse of a symmetric matrix, as NumPy's {@code pinv(a, rcond)}:
     * eigen-directions whose |eigenvalue| is at most {@code rcond} times the largest are dropped.
     */
    static double[][] pinvSymmetric(double[][] a, double rcond) {
        EigenDecomposition eigen = eigen(a);
        double[] values = eigen.getRealEigenvalues();
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        int d = a.length;
        double[][] out = new double[d][d];
        for (int k = 0; k < d; k++) {
            if (Math.abs(values[k]) <= rcond * largest) {
                continue;
            }
            double[] v = eigen.getEigenvector(k).toArray();
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    out[p][q] += v[p] * v[q] / values[k];
                }
            }
        }
        return out;
    }

    /** @return {@code trace(a b)} */
    static double traceOfProduct(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += a[i][j] * b[j][i];
            }
        }
        return sum;
    }

    /** @return log det of a symmetric positive definite matrix, from its Cholesky factor */
    static double logDetSpd(double[][] a) {
        RealMatrix l = new org.apache.commons.math3.linear.CholeskyDecomposition(new Array2DRowRealMatrix(a, true), 1e-15, 0).getL();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.log(l.getEntry(i, i));
        }
        return 2 * sum;
    }

    /** @return the rows of {@code x} whose label is {@code label} */
    static double[][] rowsOf(double[][] x, int[] labels, int label) {
        int n = 0;
        for (int l : labels) {
            if (l == label) {
                n++;
            }
        }
        double[][] out = new double[n][];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (labels[i] == label) {
                out[k++] = x[i];
            }
        }
        return out;
    }

    /** Fails unless the labelled features have at least two rows and two classes present. */
    static void requireClasses(String metric, double[][] x, int[] labels) {
        if (x.length < 2) {
            throw new GraftException(metric + " needs at least 2 examples, got " + x.length);
        }
        int first = labels[0];
        for (int l : labels) {
            if (l != first) {
                return;
            }
        }
        throw new GraftException(metric + " needs examples of at least 2 classes, got only class " + first);
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    /** Fails unless source and target have the same number of features and enough rows. */
    static void requirePair(String metric, double[][] x, double[][] y, int minRows) {
        if (x.length < minRows || y.length < minRows) {
            throw new GraftException(metric + " needs at least " + minRows + " examples per side, got " + x.length + " and " + y.length);
        }
        if (x[0].length != y[0].length) {
            throw new GraftException(metric + ": source has " + x[0].length + " features, target " + y[0].length);
        }
    }
}
