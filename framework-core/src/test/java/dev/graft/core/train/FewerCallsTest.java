package dev.graft.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.graft.image.ImageBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The training step reaches DJL's numbers by fewer calls into the engine: the loss, the optimiser's
 * update and the training-accuracy count each give, bit for bit, what DJL's own path gives, and
 * each check fails for a path that differs.
 */
class FewerCallsTest {
    private static final int BATCH = 16;
    private static final int CLASSES = 5;

    private static float[] randoms(SplittableRandom random, int n, double scale) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }

    private static ImageBatch batch(int[] labels) {
        return new ImageBatch(new float[labels.length], labels, 1, 1, 1);
    }

    /** The loss's value and the gradient it sends back to the logits, by Graft's objective and by DJL's loss. */
    private static float[][] lossAndGradient(boolean djl, float[] logitValues, int[] labels) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(logitValues, new Shape(labels.length, CLASSES));
            logits.setRequiresGradient(true);
            float[] labelValues = new float[labels.length];
            for (int i = 0; i < labels.length; i++) {
                labelValues[i] = labels[i];
            }
            LoopStep step = new LoopStep(manager, batch(labels), new NDList(), 0, 0, 0);
            assertArrayEquals(labelValues, step.y().toFloatArray(), 0f);
            NDArray loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                loss = djl ? Loss.softmaxCrossEntropyLoss().evaluate(new NDList(step.y()), new NDList(logits))
                        : new Objective().loss(step, new NDList(logits), null);
                collector.backward(loss);
            }
            return new float[][] {{loss.getFloat()}, logits.getGradient().toFloatArray()};
        }
    }

    @Test
    void theLossIsDjlsSoftmaxCrossEntropyBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            float[] logits = randoms(random, BATCH * CLASSES, 1 + trial % 7);
            int[] labels = random.ints(BATCH, 0, CLASSES).toArray();
            float[][] djl = lossAndGradient(true, logits, labels);
            float[][] graft = lossAndGradient(false, logits, labels);
            assertEquals(Float.floatToIntBits(djl[0][0]), Float.floatToIntBits(graft[0][0]), "loss, case " + trial);
            assertArrayEquals(djl[1], graft[1], 0f, "gradient, case " + trial);
        }
        // and the check can fail: other labels give another loss
        float[] logits = randoms(random, BATCH * CLASSES, 3);
        int[] labels = random.ints(BATCH, 0, CLASSES).toArray();
        int[] shifted = labels.clone();
        shifted[0] = (shifted[0] + 1) % CLASSES;
        assertNotEquals(lossAndGradient(true, logits, labels)[0][0], lossAndGradient(false, logits, shifted)[0][0]);
    }

    /** A two-layer network's weights after some Adam steps, updated by DJL's parameter store or by Graft's step. */
    private static List<float[]> trainedWeights(boolean djl, boolean skipOneStep) {
        Engine.getInstance().setRandomSeed(11);
        try (Model model = Model.newInstance("steps")) {
            SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(8).build()).add(Linear.builder().setUnits(CLASSES).build());
            model.setBlock(block);
            NDManager manager = model.getNDManager();
            block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, 12));
            Optimizer optimizer = new PerParameterSteps.CountingAdam(Optimizer.adam().optLearningRateTracker(new GroupLearningRates(0.01f)));
            SplittableRandom random = new SplittableRandom(3);
            try (GradientSteps steps = new GradientSteps(model, optimizer)) {
                ParameterStore store = new ParameterStore(manager, false);
                store.setParameterServer(manager.getEngine().newParameterServer(optimizer), new Device[] {manager.getDevice()});
                for (int i = 0; i < 20; i++) {
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray x = scope.create(randoms(random, BATCH * 12, 1), new Shape(BATCH, 12));
                        int[] labels = random.ints(BATCH, 0, CLASSES).toArray();
                        try (GradientCollector collector = steps.newGradientCollector()) {
                            NDList out = djl ? block.forward(store, new NDList(x), true) : steps.forward(new NDList(x));
                            collector.backward(new Objective().loss(new LoopStep(scope, batch(labels), new NDList(x), 0, i, i), out, null));
                        }
                        if (skipOneStep && i == 10) {
                            for (Parameter p : block.getParameters().values()) {
                                try (NDArray g = p.getArray().getGradient()) {
                                    g.subi(g);
                                }
                            }
                            continue;
                        }
                        if (djl) {
                            store.updateAllParameters();
                        } else {
                            steps.step();
                        }
                    }
                }
            }
            List<float[]> weights = new ArrayList<>();
            for (Parameter p : block.getParameters().values()) {
                weights.add(p.getArray().toFloatArray());
            }
            return weights;
        }
    }

    @Test
    void theStepIsDjlsParameterStoreUpdateBitForBit() {
        List<float[]> djl = trainedWeights(true, false);
        List<float[]> graft = trainedWeights(false, false);
        assertEquals(djl.size(), graft.size());
        for (int i = 0; i < djl.size(); i++) {
            assertArrayEquals(djl.get(i), graft.get(i), 0f, "parameter " + i);
        }
        // and the comparison can fail: one step fewer moves the weights
        List<float[]> fewer = trainedWeights(false, true);
        assertNotEquals(java.util.Arrays.toString(graft.get(0)), java.util.Arrays.toString(fewer.get(0)));
    }

    @Test
    void trainingAccuracyCountsAsArgMaxDoes() {
        SplittableRandom random = new SplittableRandom(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int trial = 0; trial < 50; trial++) {
                // a coarse grid of scores, so rows often tie for the highest
                float[] scores = new float[BATCH * CLASSES];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = random.nextInt(3);
                }
                int[] labels = random.ints(BATCH, 0, CLASSES).toArray();
                NDArray logits = manager.create(scores, new Shape(BATCH, CLASSES));
                float[] labelValues = new float[BATCH];
                for (int i = 0; i < BATCH; i++) {
                    labelValues[i] = labels[i];
                }
                long engine = logits.argMax(1).toType(DataType.FLOAT32, false).eq(manager.create(labelValues)).sum().getLong();
                assertEquals(engine, NetworkTrainer.correct(logits, labels), "case " + trial);
            }
            // ties go to the first class, as the engine's argmax: a row of equal scores is right only for label 0
            NDArray ties = manager.create(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, new Shape(2, CLASSES));
            assertEquals(1, NetworkTrainer.correct(ties, new int[] {0, 4}));
        }
    }
}
