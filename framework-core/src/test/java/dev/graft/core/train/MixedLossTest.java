package dev.graft.core.train;

import dev.graft.image.ImageAugmenter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.core.Linear;
import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.spi.augment.Augmenter;
import dev.graft.image.ImageBatch;
import dev.graft.testing.TestPlugins;
import org.junit.jupiter.api.Test;

/** The mixed-label loss is the usual cross-entropy when an image's whole weight is on its own label, and differs when it is not. */
class MixedLossTest {
    static float[] train(Augmenter augmenter) {
        Engine.getInstance().setRandomSeed(3);
        try (Model model = Model.newInstance("mix")) {
            BuiltBackbone built = BuiltBackbone.build(NetworkTrainerTest.COMPONENTS, new TestPlugins.TinyConfig(null), NetworkTrainerTest.DATA.train(),
                    model.getNDManager(), null);
            GroupedNetwork network = built.withHead(Linear.builder().setUnits(4).build(), model.getNDManager());
            model.setBlock(network);
            new NetworkTrainer(new TrainConfig(3, 8, new OptimizerConfig(OptimizerConfig.OptimizerType.sgd, 0.1, 0.0, null), null), null,
                    augmenter, built.backbone().inputSpec(), 3).train(model, NetworkTrainerTest.DATA.train(), NetworkTrainerTest.DATA.validation().select(new int[0], "none"),
                    EpochListener.NONE);
            return network.head().getParameters().valueAt(0).getArray().toFloatArray();
        }
    }

    static ImageAugmenter mixing(float weight, boolean otherLabel) {
        return (batch, random) -> {
            int[] second = new int[batch.size()];
            float[] weights = new float[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                second[i] = otherLabel ? (batch.labels()[i] + 1) % 4 : batch.labels()[i];
                weights[i] = weight;
            }
            return new ImageBatch(batch.pixels(), batch.labels(), batch.channels(), batch.height(), batch.width(), second, weights);
        };
    }

    @Test
    void fullWeightOnTheOwnLabelIsTheUsualLoss() {
        float[] plain = train(null);
        float[] mixedButWhole = train(mixing(1f, true));
        for (int i = 0; i < plain.length; i++) {
            assertEquals(plain[i], mixedButWhole[i], 1e-5f, "head weight " + i);
        }
        float[] halfAndHalf = train(mixing(0.5f, true));
        double difference = 0;
        for (int i = 0; i < plain.length; i++) {
            difference += Math.abs(plain[i] - halfAndHalf[i]);
        }
        assertEquals(true, difference > 1e-3, "soft targets change training: " + difference);
    }
}
