package dev.graft.plugins.similarity;

import dev.graft.spi.GraftException;
import java.util.Arrays;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Transferability scores of a backbone's features for labelled target data, each to its published
 * definition as the Transfer-Learning-Library's {@code tllib/ranking} and the LogME repository
 * compute it (reimplemented, in float64).
 */
final class Transferability {
    private Transferability() {}

    /**
     * LogME (You et al. 2021): the log maximum evidence of a Bayesian linear model from the features
     * to each one-hot class indicator, with the fixed-point updates of the prior precision alpha and
     * noise precision beta (at most 11 iterations, stopping when alpha/beta changes by under 1%),
     * per example, averaged over classes.
     */
    static double logme(double[][] f, int[] labels, int numClasses) {
        Matrices.requireClasses("logme", f, labels);
        int n = f.length;
        int d = f[0].length;
        EigenDecomposition eigen = Matrices.eigen(Matrices.gram(f));
        double[] s = eigen.getRealEigenvalues().clone();
        double[][] v = new double[d][];
        for (int k = 0; k < d; k++) {
            s[k] = Math.abs(s[k]); // singular values of the PSD Gram matrix, as NumPy's svd returns them
            v[k] = eigen.getEigenvector(k).toArray();
        }
        double total = 0;
        for (int c = 0; c < numClasses; c++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = labels[i] == c ? 1 : 0;
            }
            total += evidence(f, y, s, v);
        }
        return total / numClasses;
    }

    /** The per-example log evidence for one target column; v[k] is the k-th eigenvector. */
    private static double evidence(double[][] f, double[] y, double[] s, double[][] v) {
        int n = f.length;
        int d = s.length;
        double[] fy = new double[d];
        for (int i = 0; i < n; i++) {
            if (y[i] != 0) {
                for (int j = 0; j < d; j++) {
                    fy[j] += f[i][j] * y[i];
                }
            }
        }
        double[] tmp = new double[d];
        for (int k = 0; k < d; k++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += v[k][j] * fy[j];
            }
            tmp[k] = sum;
        }
        double alpha = 1;
        double beta = 1;
        double lambda = alpha / beta;
        double alphaDe = 0;
        double betaDe = 0;
        double[] m = new double[d];
        for (int iteration = 0; iteration < 11; iteration++) {
            double gamma = 0;
            for (int k = 0; k < d; k++) {
                gamma += s[k] / (s[k] + lambda);
            }
            Arrays.fill(m, 0);
            for (int k = 0; k < d; k++) {
                double coefficient = tmp[k] * beta / (alpha + beta * s[k]);
                for (int j = 0; j < d; j++) {
                    m[j] += v[k][j] * coefficient;
                }
            }
            alphaDe = 0;
            for (double mj : m) {
                alphaDe += mj * mj;
            }
            alpha = gamma / (alphaDe + 1e-5);
            betaDe = 0;
            for (int i = 0; i < n; i++) {
                double prediction = 0;
                for (int j = 0; j < d; j++) {
                    prediction += f[i][j] * m[j];
                }
                double r = y[i] - prediction;
                betaDe += r * r;
            }
            beta = (n - gamma) / (betaDe + 1e-5);
            double newLambda = alpha / beta;
            if (Math.abs(newLambda - lambda) / lambda < 0.01) {
                break;
            }
            lambda = newLambda;
        }
        double logDet = 0;
        for (int k = 0; k < d; k++) {
            logDet += Math.log(alpha + beta * s[k]);
        }
        double evidence = d / 2.0 * Math.log(alpha) + n / 2.0 * Math.log(beta) - 0.5 * logDet - beta / 2.0 * (betaDe + 1e-5)
                - alpha / 2.0 * (alphaDe + 1e-5) - n / 2.0 * Math.log(2 * Math.PI);
        return evidence / n;
    }

    /** Every row replaced by the mean of its class. */
    private static double[][] classMeans(double[][] f, int[] labels, int numClasses) {
        double[][] means = new double[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            double[][] rows = Matrices.rowsOf(f, labels, c);
            means[c] = rows.length == 0 ? null : Matrices.mean(rows);
        }
        double[][] g = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            g[i] = means[labels[i]];
        }
        return g;
    }

    /**
     * H-score (Bao et al. 2019): {@code tr(pinv(cov(f)) cov(E[f|y]))}, covariances unbiased,
     * pseudo-inverse with NumPy's cut-off 1e-15.
     */
    static double hScore(double[][] f, int[] labels, int numClasses) {
        Matrices.requireClasses("h-score", f, labels);
        double[][] covF = Matrices.covariance(f, 1);
        double[][] covG = Matrices.covariance(classMeans(f, labels, numClasses), 1);
        return Matrices.traceOfProduct(Matrices.pinvSymmetric(covF, 1e-15), covG);
    }

    /**
     * Shrinkage-regularised H-score (Ibrahim et al. 2022): the feature covariance replaced by its
     * Ledoit-Wolf estimate {@code (1 - a) S + a mu I} (S biased, mu = tr(S)/d, a the Ledoit-Wolf
     * shrinkage), the between-class covariance scaled by {@code 1 - a}.
     */
    static double hScoreShrinkage(double[][] f, int[] labels, int numClasses) {
        Matrices.requireClasses("h-score-shrinkage", f, labels);
        double[][] x = Matrices.centred(f);
        int n = x.length;
        int d = x[0].length;
        double[][] s = Matrices.gram(x);
        Matrices.scale(s, 1.0 / n);
        double mu = 0;
        for (int j = 0; j < d; j++) {
            mu += s[j][j];
        }
        mu /= d;
        double shrinkage = ledoitWolfShrinkage(x, s, mu);
        double[][] shrunk = new double[d][d];
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                shrunk[p][q] = (1 - shrinkage) * s[p][q] + (p == q ? shrinkage * mu : 0);
            }
        }
        double[][] covG = Matrices.covariance(classMeans(x, labels, numClasses), 1);
        return (1 - shrinkage) * Matrices.traceOfProduct(Matrices.pinvSymmetric(shrunk, 1e-15), covG);
    }

    /** The Ledoit-Wolf (2004) shrinkage intensity of centred data x with biased covariance s, as scikit-learn computes it. */
    private static double ledoitWolfShrinkage(double[][] x, double[][] s, double mu) {
        int n = x.length;
        int d = x[0].length;
        double delta = 0; // squared coefficients of X^T X / n^2
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                delta += s[p][q] * s[p][q];
            }
        }
        double[][] x2 = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x2[i][j] = x[i][j] * x[i][j];
            }
        }
        double beta = 0; // sum of the coefficients of X2^T X2
        double[] columnSums = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += x2[i][j];
            }
            columnSums[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            beta += columnSums[i] * columnSums[i];
        }
        double traceSum = mu * d; // sum of the diagonal of s
        double b = 1.0 / ((double) d * n) * (beta / n - delta);
        double dl = (delta - 2.0 * mu * traceSum + d * mu * mu) / d;
        b = Math.min(b, dl);
        return b == 0 ? 0 : b / dl;
    }

    /**
     * TransRate (Huang et al. 2022): the coding rate of the centred features minus the mean coding
     * rate of each class's rows, {@code R(f) = 1/2 log det(I + f^T f / (n eps))}.
     */
    static double transRate(double[][] f, int[] labels, int numClasses, double eps) {
        Matrices.requireClasses("transrate", f, labels);
        double[][] x = Matrices.centred(f);
        double within = 0;
        for (int c = 0; c < numClasses; c++) {
            double[][] rows = Matrices.rowsOf(x, labels, c);
            if (rows.length > 0) {
                within += codingRate(rows, eps);
            }
        }
        return codingRate(x, eps) - within / numClasses;
    }

    private static double codingRate(double[][] x, double eps) {
        int n = x.length;
        double[][] a = Matrices.gram(x);
        Matrices.scale(a, 1.0 / (n * eps));
        for (int j = 0; j < a.length; j++) {
            a[j][j] += 1;
        }
        return 0.5 * Matrices.logDetSpd(a);
    }

    /**
     * Leave-one-out k-nearest-neighbour accuracy: each example is classified by the majority label
     * of its k nearest other examples (Euclidean; equal distances go to the lower index); a tied
     * vote goes to the tied class whose closest member is nearest.
     */
    static double knnAccuracy(double[][] f, int[] labels, int numClasses, int k) {
        Matrices.requireClasses("knn-accuracy", f, labels);
        int n = f.length;
        if (k > n - 1) {
            throw new GraftException("knn-accuracy: k = " + k + " needs more than " + k + " examples, got " + n);
        }
        int correct = 0;
        Integer[] order = new Integer[n];
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                distances[j] = Matrices.squaredDistance(f[i], f[j]);
                order[j] = j;
            }
            final int self = i;
            Arrays.sort(order, (a, b) -> a == self ? 1 : b == self ? -1 : distances[a] != distances[b]
                    ? Double.compare(distances[a], distances[b]) : Integer.compare(a, b));
            int[] votes = new int[numClasses];
            int[] firstRank = new int[numClasses];
            Arrays.fill(firstRank, Integer.MAX_VALUE);
            for (int r = 0; r < k; r++) {
                int label = labels[order[r]];
                votes[label]++;
                firstRank[label] = Math.min(firstRank[label], r);
            }
            int best = 0;
            for (int c = 1; c < numClasses; c++) {
                if (votes[c] > votes[best] || (votes[c] == votes[best] && firstRank[c] < firstRank[best])) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return (double) correct / n;
    }

    /**
     * LEEP (Nguyen et al. 2020): the mean log-likelihood of the target labels under the "expected
     * empirical predictor" {@code sum_z P(y|z) theta(x)_z}, with {@code P(y|z)} from the empirical
     * joint of target labels and the source head's soft predictions theta.
     */
    static double leep(double[][] theta, int[] labels, int numClasses) {
        Matrices.requireClasses("leep", theta, labels);
        int n = theta.length;
        int sources = theta[0].length;
        double[][] joint = new double[numClasses][sources];
        for (int i = 0; i < n; i++) {
            for (int z = 0; z < sources; z++) {
                joint[labels[i]][z] += theta[i][z] / n;
            }
        }
        double[][] conditional = new double[sources][numClasses]; // P(y | z)
        for (int z = 0; z < sources; z++) {
            double pz = 0;
            for (int y = 0; y < numClasses; y++) {
                pz += joint[y][z];
            }
            for (int y = 0; y < numClasses; y++) {
                conditional[z][y] = joint[y][z] / pz;
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double p = 0;
            for (int z = 0; z < sources; z++) {
                p += theta[i][z] * conditional[z][labels[i]];
            }
            sum += Math.log(p);
        }
        return sum / n;
    }

    /**
     * NCE (Tran et al. 2019): the negative conditional entropy {@code -H(Y|Z)} of the target labels
     * given the source head's hard predictions Z (its arg-max, the first on ties).
     */
    static double nce(double[][] theta, int[] labels, int numClasses) {
        Matrices.requireClasses("nce", theta, labels);
        int n = theta.length;
        int sources = theta[0].length;
        double[][] joint = new double[numClasses][sources];
        for (int i = 0; i < n; i++) {
            int z = 0;
            for (int c = 1; c < sources; c++) {
                if (theta[i][c] > theta[i][z]) {
                    z = c;
                }
            }
            joint[labels[i]][z] += 1.0 / n;
        }
        double entropy = 0;
        for (int z = 0; z < sources; z++) {
            double pz = 0;
            for (int y = 0; y < numClasses; y++) {
                pz += joint[y][z];
            }
            if (pz == 0) {
                continue;
            }
            double h = 0;
            for (int y = 0; y < numClasses; y++) {
                double p = joint[y][z] / pz + 1e-20;
                h -= p * Math.log(p);
            }
            entropy += h * pz;
        }
        return -entropy;
    }
}
