package dev.graft.plugins.regularizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.regularize.RegularizationStep;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** Each penalty's value and gradient against the formula of its paper, computed independently. */
class PenaltyTest {

    /** A step with given weights, features and source logits. */
    private record FixedStep(NDManager manager, List<Weight> transferred, List<Weight> added, NDArray features, NDArray sourceLogits,
            NDArray pretrainedSourceLogits) implements RegularizationStep {}

    private static float[] random(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    @Test
    void l2SpPullsTransferredWeightsToTheirPretrainedValuesAndNewOnesToZero() {
        SplittableRandom random = new SplittableRandom(1);
        float[] w = random(random, 6);
        float[] w0 = random(random, 6);
        float[] h = random(random, 4);
        float[] frozen = random(random, 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray transferred = manager.create(w, new Shape(2, 3));
            NDArray head = manager.create(h);
            NDArray frozenValue = manager.create(frozen);
            transferred.setRequiresGradient(true);
            head.setRequiresGradient(true);
            FixedStep step = new FixedStep(manager,
                    List.of(new RegularizationStep.Weight("g0", "weight", transferred, manager.create(w0, new Shape(2, 3)), true),
                            new RegularizationStep.Weight("g1", "weight", frozenValue, manager.zeros(new Shape(3)), false)),
                    List.of(new RegularizationStep.Weight("head", "weight", head, manager.zeros(new Shape(4)), true)), null, null, null);
            var regularizer = new L2SpFactory().create(new L2SpConfig(0.3, 0.05));
            NDArray penalty;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                penalty = regularizer.penalty(step);
                collector.backward(penalty);
            }
            double expected = 0;
            float[] expectedGrad = new float[6];
            for (int i = 0; i < 6; i++) {
                expected += 0.3 / 2 * (w[i] - w0[i]) * (w[i] - w0[i]);
                expectedGrad[i] = (float) (0.3 * (w[i] - w0[i]));
            }
            float[] expectedHeadGrad = new float[4];
            for (int i = 0; i < 4; i++) {
                expected += 0.05 / 2 * h[i] * h[i];
                expectedHeadGrad[i] = (float) (0.05 * h[i]);
            }
            assertEquals(expected, penalty.getFloat(), 1e-6, "frozen weights add nothing");
            assertArrayEquals(expectedGrad, transferred.getGradient().toFloatArray(), 1e-6f);
            assertArrayEquals(expectedHeadGrad, head.getGradient().toFloatArray(), 1e-6f);
            assertEquals(true, regularizer.replacesWeightDecay());
        }
    }

    @Test
    void bssIsTheSumOfTheSmallestSquaredSingularValuesWithTheirExactGradient() {
        // both shapes: fewer rows than columns (the usual batch < features) and the reverse
        for (int[] shape : new int[][] {{5, 8}, {9, 4}}) {
            int rows = shape[0];
            int cols = shape[1];
            float[] f = random(new SplittableRandom(rows), rows * cols);
            double[][] matrix = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    matrix[i][j] = f[i * cols + j];
                }
            }
            SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(matrix));
            double[] sigma = svd.getSingularValues(); // descending
            int n = sigma.length;
            double expected = sigma[n - 1] * sigma[n - 1] + sigma[n - 2] * sigma[n - 2];
            // d(sigma_i^2)/dF = 2 sigma_i u_i v_i^T
            double[][] u = svd.getU().getData();
            double[][] v = svd.getV().getData();
            float[] expectedGrad = new float[rows * cols];
            for (int s = n - 2; s < n; s++) {
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        expectedGrad[i * cols + j] += (float) (2 * 0.1 * sigma[s] * u[i][s] * v[j][s]);
                    }
                }
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray features = manager.create(f, new Shape(rows, cols));
                features.setRequiresGradient(true);
                NDArray penalty;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    penalty = new BssFactory().create(new BssConfig(2, 0.1))
                            .penalty(new FixedStep(manager, List.of(), List.of(), features, null, null));
                    collector.backward(penalty);
                }
                assertEquals(0.1 * expected, penalty.getFloat(), 1e-5, "value for " + rows + "x" + cols);
                assertArrayEquals(expectedGrad, features.getGradient().toFloatArray(), 1e-5f, "gradient for " + rows + "x" + cols);
            }
        }
    }

    @Test
    void lwfIsTheTemperedCrossEntropyToThePretrainedOutputs() {
        SplittableRandom random = new SplittableRandom(3);
        int batch = 4;
        int classes = 3;
        double t = 2.0;
        float[] current = random(random, batch * classes);
        float[] recorded = random(random, batch * classes);
        double expected = 0;
        float[] expectedGrad = new float[batch * classes];
        for (int b = 0; b < batch; b++) {
            double[] p = softmax(recorded, b, classes, t);
            double[] q = softmax(current, b, classes, t);
            for (int j = 0; j < classes; j++) {
                expected -= p[j] * Math.log(q[j]) / batch;
                // d/dz (-sum p log softmax(z/T)) = (q - p) / T, averaged over the batch, times the weight
                expectedGrad[b * classes + j] = (float) (0.5 * (q[j] - p[j]) / t / batch);
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(current, new Shape(batch, classes));
            logits.setRequiresGradient(true);
            NDArray penalty;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                penalty = new LwfFactory().create(new LwfConfig(0.5, t)).penalty(new FixedStep(manager, List.of(), List.of(), null, logits,
                        manager.create(recorded, new Shape(batch, classes))));
                collector.backward(penalty);
            }
            assertEquals(0.5 * expected, penalty.getFloat(), 1e-6);
            assertArrayEquals(expectedGrad, logits.getGradient().toFloatArray(), 1e-6f);
        }
    }

    private static double[] softmax(float[] logits, int row, int classes, double t) {
        double[] out = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            max = Math.max(max, logits[row * classes + j] / t);
        }
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            out[j] = Math.exp(logits[row * classes + j] / t - max);
            sum += out[j];
        }
        for (int j = 0; j < classes; j++) {
            out[j] /= sum;
        }
        return out;
    }

    @Test
    void configsRejectBadValuesNamingTheField() {
        assertEquals("alpha", assertThrows(InvalidConfigException.class, () -> new L2SpConfig(-1.0, null)).field());
        assertEquals("k", assertThrows(InvalidConfigException.class, () -> new BssConfig(0, null)).field());
        assertEquals("temperature", assertThrows(InvalidConfigException.class, () -> new LwfConfig(null, 0.0)).field());
        assertEquals(0.01, new L2SpConfig(null, null).alpha());
        assertEquals(2.0, new LwfConfig(null, null).temperature());
    }
}
