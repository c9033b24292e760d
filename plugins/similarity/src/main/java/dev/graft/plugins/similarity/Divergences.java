package dev.graft.plugins.similarity;

import dev.graft.spi.GraftException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;

/** Distances and similarities between the source's and the target's feature distributions, in float64. */
final class Divergences {
    private Divergences() {}

    /**
     * Multi-kernel MMD² (Gretton et al. 2012; the kernel family of Long et al.'s DAN, as the
     * Transfer-Learning-Library builds it): the unbiased estimate with the sum of Gaussian kernels
     * {@code exp(-|x-y|² / (2 s m))}, s over {@code scales}, m the mean squared distance between all
     * pairs of the pooled sample; with {@code bandwidth} instead one kernel with sigma = bandwidth.
     */
    static double mmd2(double[][] x, double[][] y, List<Double> scales, Double bandwidth) {
        Matrices.requirePair("mmd", x, y, 2);
        double[][] pooled = new double[x.length + y.length][];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        int p = pooled.length;
        double[][] d2 = new double[p][p];
        double sum = 0;
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                d2[i][j] = Matrices.squaredDistance(pooled[i], pooled[j]);
                d2[j][i] = d2[i][j];
                sum += 2 * d2[i][j];
            }
        }
        double[] twoSigmaSquared;
        if (bandwidth != null) {
            twoSigmaSquared = new double[] {2 * bandwidth * bandwidth};
        } else {
            double mean = sum / ((double) p * p);
            if (!(mean > 0)) {
                throw new GraftException("mmd: every feature vector is identical; the kernel bandwidth is undefined");
            }
            twoSigmaSquared = scales.stream().mapToDouble(s -> 2 * s * mean).toArray();
        }
        int m = x.length;
        int n = y.length;
        double kxx = 0;
        double kyy = 0;
        double kxy = 0;
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double k = 0;
                for (double t : twoSigmaSquared) {
                    k += Math.exp(-d2[i][j] / t);
                }
                if (j < m) {
                    kxx += k;
                } else if (i >= m) {
                    kyy += k;
                } else {
                    kxy += k;
                }
            }
        }
        return 2 * kxx / ((double) m * (m - 1)) + 2 * kyy / ((double) n * (n - 1)) - 2 * kxy / ((double) m * n);
    }

    /**
     * Proxy A-distance (Ben-David et al. 2007): {@code 2 (1 - 2 err)} of a linear domain classifier
     * (logistic regression, L2 penalty {@code l2}, {@code iterations} steps of full-batch gradient
     * descent at {@code learningRate} from zero, on features standardised with the training half's
     * mean and deviation), trained on the even-indexed rows of each side and tested on the odd ones.
     * 2 when the domains are perfectly separable, 0 (or below) when they are indistinguishable.
     */
    static double proxyADistance(double[][] x, double[][] y, double l2, int iterations, double learningRate) {
        Matrices.requirePair("proxy-a-distance", x, y, 4);
        int d = x[0].length;
        List<double[]> trainRows = new java.util.ArrayList<>();
        List<Integer> trainLabels = new java.util.ArrayList<>();
        List<double[]> testRows = new java.util.ArrayList<>();
        List<Integer> testLabels = new java.util.ArrayList<>();
        for (int side = 0; side < 2; side++) {
            double[][] rows = side == 0 ? x : y;
            for (int i = 0; i < rows.length; i++) {
                (i % 2 == 0 ? trainRows : testRows).add(rows[i]);
                (i % 2 == 0 ? trainLabels : testLabels).add(side);
            }
        }
        double[][] train = trainRows.toArray(new double[0][]);
        double[] mean = Matrices.mean(train);
        double[] std = new double[d];
        for (double[] row : train) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / train.length;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = std[j] > 0 ? Math.sqrt(std[j]) : 1;
        }
        double[][] z = standardise(train, mean, std);
        double[] w = new double[d];
        double b = 0;
        int n = z.length;
        for (int step = 0; step < iterations; step++) {
            double[] gw = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(w, z[i]) + b);
                double r = p - trainLabels.get(i);
                for (int j = 0; j < d; j++) {
                    gw[j] += r * z[i][j] / n;
                }
                gb += r / n;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= learningRate * (gw[j] + l2 * w[j]);
            }
            b -= learningRate * gb;
        }
        double[][] test = standardise(testRows.toArray(new double[0][]), mean, std);
        int errors = 0;
        for (int i = 0; i < test.length; i++) {
            int predicted = dot(w, test[i]) + b > 0 ? 1 : 0;
            if (predicted != testLabels.get(i)) {
                errors++;
            }
        }
        return 2 * (1 - 2 * (double) errors / test.length);
    }

    private static double[][] standardise(double[][] rows, double[] mean, double[] std) {
        double[][] out = new double[rows.length][mean.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (rows[i][j] - mean[j]) / std[j];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /**
     * Fréchet distance between Gaussians fitted to the two feature sets (as FID computes it):
     * {@code |mu_s - mu_t|² + tr(S_s + S_t - 2 (S_s S_t)^(1/2))}, covariances unbiased; the trace
     * of the square root is taken as that of the symmetric {@code (S_s^(1/2) S_t S_s^(1/2))^(1/2)}.
     */
    static double frechetDistance(double[][] x, double[][] y) {
        Matrices.requirePair("frechet-distance", x, y, 2);
        double[] mx = Matrices.mean(x);
        double[] my = Matrices.mean(y);
        double[][] sx = Matrices.covariance(x, 1);
        double[][] sy = Matrices.covariance(y, 1);
        double[][] root = symmetricSqrt(sx);
        double[][] inner = multiply(multiply(root, sy), root);
        for (int i = 0; i < inner.length; i++) { // symmetrise rounding
            for (int j = 0; j < i; j++) {
                double mean = (inner[i][j] + inner[j][i]) / 2;
                inner[i][j] = mean;
                inner[j][i] = mean;
            }
        }
        double traceRoot = 0;
        for (double value : Matrices.eigen(inner).getRealEigenvalues()) {
            traceRoot += Math.sqrt(Math.max(value, 0));
        }
        double distance = 0;
        for (int j = 0; j < mx.length; j++) {
            distance += (mx[j] - my[j]) * (mx[j] - my[j]) + sx[j][j] + sy[j][j];
        }
        return distance - 2 * traceRoot;
    }

    private static double[][] symmetricSqrt(double[][] a) {
        EigenDecomposition eigen = Matrices.eigen(a);
        double[] values = eigen.getRealEigenvalues();
        int d = a.length;
        double[][] out = new double[d][d];
        for (int k = 0; k < d; k++) {
            double root = Math.sqrt(Math.max(values[k], 0));
            double[] v = eigen.getEigenvector(k).toArray();
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    out[p][q] += root * v[p] * v[q];
                }
            }
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                double v = a[i][k];
                for (int j = 0; j < m; j++) {
                    out[i][j] += v * b[k][j];
                }
            }
        }
        return out;
    }

    /**
     * RBF CKA with the features as the paired items (see {@link LinearCka}): each side's
     * examples are centred, each feature is described by its column of responses, the Gram matrix
     * over features uses Kornblith et al.'s RBF kernel {@code exp(-d² / (2 threshold² median(d²)))}
     * (median over the whole squared-distance matrix, as their code), and CKA compares the two
     * centred Gram matrices.
     */
    static double rbfCka(double[][] x, double[][] y, double threshold) {
        Matrices.requirePair("rbf-cka", x, y, 2);
        if (x[0].length < 2) {
            throw new GraftException("rbf-cka needs at least 2 features");
        }
        double[][] kx = centre(rbfGram(transpose(Matrices.centred(x)), threshold));
        double[][] ky = centre(rbfGram(transpose(Matrices.centred(y)), threshold));
        double xy = inner(kx, ky);
        double xx = inner(kx, kx);
        double yy = inner(ky, ky);
        if (xx == 0 || yy == 0) {
            throw new GraftException("rbf-cka is undefined: the features of one dataset are identical");
        }
        return xy / Math.sqrt(xx * yy);
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][] rbfGram(double[][] items, double threshold) {
        int d = items.length;
        double[][] d2 = new double[d][d];
        double[] all = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                d2[i][j] = i == j ? 0 : Matrices.squaredDistance(items[i], items[j]);
                all[i * d + j] = d2[i][j];
            }
        }
        Arrays.sort(all);
        double median = all.length % 2 == 1 ? all[all.length / 2] : (all[all.length / 2 - 1] + all[all.length / 2]) / 2;
        if (!(median > 0)) {
            throw new GraftException("rbf-cka: the median squared distance between features is 0; the bandwidth is undefined");
        }
        double[][] k = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                k[i][j] = Math.exp(-d2[i][j] / (2 * threshold * threshold * median));
            }
        }
        return k;
    }

    /** H K H. */
    static double[][] centre(double[][] k) {
        int d = k.length;
        double[] rowMean = new double[d];
        double total = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                rowMean[a] += k[a][b] / d;
            }
            total += rowMean[a] / d;
        }
        double[][] out = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                out[a][b] = k[a][b] - rowMean[a] - rowMean[b] + total;
            }
        }
        return out;
    }

    static double inner(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += a[i][j] * b[i][j];
            }
        }
        return sum;
    }
}
