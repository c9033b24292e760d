package dev.graft.plugins.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadContext;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HeadsTest {
    static Shape output(Block block, Shape input) {
        try (NDManager manager = NDManager.newBaseManager()) {
            block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, input);
            return block.getOutputShapes(new Shape[] {input})[0];
        }
    }

    @Test
    void networkHeadsMapFeaturesToOneLogitPerClass() {
        HeadContext context = new HeadContext(new Shape(16, 2, 2), 5, 1);
        Head linear = new LinearHeadFactory().create(new LinearHeadConfig(null, 0.2), context);
        Head mlp = new MlpHeadFactory().create(new MlpHeadConfig(true, List.of(32, 8), null), context);
        assertEquals(new Shape(4, 5), output(((Head.Network) linear).block(), new Shape(4, 16, 2, 2)));
        assertEquals(new Shape(4, 5), output(((Head.Network) mlp).block(), new Shape(4, 16, 2, 2)));
    }

    @Test
    void logisticFitsSeparableFeaturesAndReturnsProbabilities() {
        SplittableRandom random = new SplittableRandom(3);
        int rows = 90;
        float[] values = new float[rows * 4];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                values[i * 4 + j] = (float) ((j == labels[i] ? 3 : 0) + random.nextGaussian() * 0.3);
            }
        }
        FeatureTable table = new FeatureTable(values, rows, 4, labels, 3);
        Head.FeatureClassifier head = (Head.FeatureClassifier) new LogisticHeadFactory()
                .create(new LogisticHeadConfig(null, null, null, null), new HeadContext(new Shape(4), 3, 1));
        float[][] probabilities = head.fit(table, new FeatureTable(new float[0], 0, 4, new int[0], 3), 1).predictProbabilities(table);
        int correct = 0;
        for (int i = 0; i < rows; i++) {
            float sum = 0;
            int best = 0;
            for (int c = 0; c < 3; c++) {
                sum += probabilities[i][c];
                best = probabilities[i][c] > probabilities[i][best] ? c : best;
            }
            assertEquals(1f, sum, 1e-4);
            correct += best == labels[i] ? 1 : 0;
        }
        assertTrue(correct >= 88, "separable data: " + correct + " of 90");
    }
}
