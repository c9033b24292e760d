package dev.graft.plugins.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimilarityMetricsTest {
    static double[][] gaussian(int n, int d, double shift, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = shift + scale * random.nextGaussian() * (j + 1);
            }
        }
        return rows;
    }

    @Test
    void mmdMatchesAHandComputedValue() {
        // x = {0, 1}, y = {0, 2}, sigma = 1: 2k(0,1)/2 + 2k(0,2)/2 - 2(k(0,0)+k(0,2)+k(1,0)+k(1,2))/4 (checked in Python)
        assertEquals(-0.4323323583816937, MmdFactory.mmd2(new double[][] {{0}, {1}}, new double[][] {{0}, {2}}, 1.0), 1e-12);
    }

    @Test
    void mmdSeparatesShiftedDistributionsAndUsesTheMedianHeuristic() {
        double same = MmdFactory.mmd2(gaussian(150, 4, 0, 1, 1), gaussian(150, 4, 0, 1, 2), null);
        double shifted = MmdFactory.mmd2(gaussian(150, 4, 0, 1, 1), gaussian(150, 4, 1.5, 1, 2), null);
        assertTrue(Math.abs(same) < 0.01, "same distribution: " + same);
        assertTrue(shifted > 0.05 && shifted > 10 * Math.abs(same), "shifted distribution: " + shifted + " vs " + same);
        assertEquals(1.0, MmdFactory.medianDistance(new double[][] {{0, 0}, {1, 1}}, new double[][] {{1, 0}}), 1e-12);
    }

    @Test
    void mmdIsInvariantToPermutingSamples() {
        double[][] x = gaussian(40, 3, 0, 1, 5);
        double[][] y = gaussian(40, 3, 1, 1, 6);
        double[][] reversed = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            reversed[i] = x[x.length - 1 - i];
        }
        assertEquals(MmdFactory.mmd2(x, y, null), MmdFactory.mmd2(reversed, y, null), 1e-12);
    }

    @Test
    void ckaIsOneForTheSameCovarianceAndInvariantToScale() {
        double[][] x = gaussian(200, 6, 0, 1, 3);
        assertEquals(1.0, LinearCkaFactory.cka(x, x), 1e-12);
        double[][] scaled = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                scaled[i][j] = 3 * x[i][j] + 7;
            }
        }
        assertEquals(1.0, LinearCkaFactory.cka(x, scaled), 1e-12, "isotropic scaling and shifting change nothing");
        double[][] other = gaussian(200, 6, 0, 1, 4);
        double cka = LinearCkaFactory.cka(x, other);
        assertTrue(cka > 0.9 && cka < 1, "same covariance structure, other sample: " + cka);
    }

    @Test
    void ckaFallsForDifferentCovarianceStructures() {
        double[][] x = gaussian(200, 6, 0, 1, 3);
        double[][] y = gaussian(200, 6, 0, 1, 4);
        for (double[] row : y) {
            java.util.Collections.reverse(java.util.Arrays.asList(boxed(row)));
            double[] copy = row.clone();
            for (int j = 0; j < row.length; j++) {
                row[j] = copy[row.length - 1 - j];
            }
        }
        assertTrue(LinearCkaFactory.cka(x, y) < 0.9, "feature variances reversed: " + LinearCkaFactory.cka(x, y));
    }

    private static Double[] boxed(double[] row) {
        return java.util.Arrays.stream(row).boxed().toArray(Double[]::new);
    }

    @Test
    void factoriesScoreTheCoresFeatureTables() {
        float[] source = {0, 1, 1, 0, 2, 2, 3, 1};
        float[] target = {1, 1, 0, 2, 2, 0, 1, 3};
        var inputs = new dev.graft.spi.similarity.SimilarityInputs(
                java.util.Optional.of(new dev.graft.spi.data.FeatureTable(source, 4, 2, new int[] {0, 1, 0, 1}, 2)),
                java.util.Optional.of(new dev.graft.spi.data.FeatureTable(target, 4, 2, new int[] {0, 1, 0, 1}, 2)));
        double[][] x = {{0, 1}, {1, 0}, {2, 2}, {3, 1}};
        double[][] y = {{1, 1}, {0, 2}, {2, 0}, {1, 3}};
        assertEquals(MmdFactory.mmd2(x, y, null), new MmdFactory().create(new MmdConfig(null)).score(inputs), 0);
        assertEquals(LinearCkaFactory.cka(x, y), new LinearCkaFactory().create(new LinearCkaConfig()).score(inputs), 0);
        assertTrue(new LinearCkaFactory().create(new LinearCkaConfig()).higherIsBetter());
        assertTrue(!new MmdFactory().create(new MmdConfig(null)).higherIsBetter());
    }

    @Test
    void edgeCasesAreClearErrors() {
        assertThrows(GraftException.class, () -> MmdFactory.mmd2(new double[][] {{1}}, new double[][] {{1}, {2}}, null));
        GraftException constant = assertThrows(GraftException.class,
                () -> MmdFactory.mmd2(new double[][] {{1}, {1}}, new double[][] {{1}, {1}}, null));
        assertTrue(constant.getMessage().contains("median distance 0"), constant.getMessage());
        GraftException flat = assertThrows(GraftException.class,
                () -> LinearCkaFactory.cka(new double[][] {{1, 2}, {1, 2}}, gaussian(5, 2, 0, 1, 1)));
        assertTrue(flat.getMessage().contains("constant"), flat.getMessage());
    }
}
