package dev.graft.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import dev.graft.core.data.LabelledSplit;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.descriptor.EarlyStoppingConfig;
import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.core.trial.Components;
import dev.graft.image.LabeledImages;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.testing.SyntheticImages;
import dev.graft.testing.TestPlugins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkTrainerTest {
    static final Components COMPONENTS = new Components(Plugins.of(List.of(new TestPlugins())).registry());
    static final LabelledSplit DATA = PerClassSampler.draw(SyntheticImages.make(4, 20, 12, 3), 20, 0.25, 5);
    static final TrainConfig CONFIG = new TrainConfig(4, 8, new OptimizerConfig(OptimizerConfig.OptimizerType.adam, 0.01, null, null), null);

    /** Trains the tiny backbone with a linear head and returns every parameter value by group and name. */
    private static Result train(FreezeSchedule schedule, TrainConfig config, long seed, LabeledImages train) {
        Engine.getInstance().setRandomSeed((int) seed);
        try (Model model = Model.newInstance("test")) {
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, new TestPlugins.TinyConfig(null), train, model.getNDManager(), null);
            GroupedNetwork network = built.withHead(Linear.builder().setUnits(4).build(), model.getNDManager());
            model.setBlock(network);
            Map<String, float[]> before = snapshot(network);
            TrainingOutcome outcome = new NetworkTrainer(config, schedule, null, built.backbone().inputSpec(), seed)
                    .train(model, train, DATA.validation(), EpochListener.NONE);
            return new Result(before, snapshot(network), outcome);
        }
    }

    record Result(Map<String, float[]> before, Map<String, float[]> after, TrainingOutcome outcome) {}

    private static Map<String, float[]> snapshot(GroupedNetwork network) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /**
     * The cost the trainer reports is what the weights show: trained values are those of the
     * parameters that changed (running statistics aside), changed values all that changed, and
     * the total every value of the network.
     */
    private static void countsAreWhatChanged(Result result) {
        long trained = 0;
        long changed = 0;
        long total = 0;
        for (String name : result.before().keySet()) {
            int size = result.before().get(name).length;
            total += size;
            if (!java.util.Arrays.equals(result.before().get(name), result.after().get(name))) {
                changed += size;
                trained += name.contains("running") ? 0 : size;
            }
        }
        ParameterCounts counts = result.outcome().parameters();
        assertEquals(new ParameterCounts(total, trained, changed, 4 * changed, 4 * total), counts);
    }

    @Test
    void frozenGroupsStayBitIdenticalIncludingBatchNormStatistics() {
        Result result = train(new TestPlugins.FreezeBottom().create(new TestPlugins.FreezeBottomConfig(1)), CONFIG, 1, ((LabeledImages) DATA.train()));
        int frozenChecked = 0;
        int runningStatsOfTrainedGroupChanged = 0;
        for (String name : result.before().keySet()) {
            boolean changed = !java.util.Arrays.equals(result.before().get(name), result.after().get(name));
            if (name.startsWith("01g0")) {
                assertFalse(changed, name + " is in the frozen group but changed");
                frozenChecked++;
            } else if (name.contains("running")) {
                runningStatsOfTrainedGroupChanged += changed ? 1 : 0;
            } else {
                assertTrue(changed, name + " trains but did not change");
            }
        }
        assertEquals(6, frozenChecked, "conv weight+bias, BN gamma, beta, running mean, running var");
        countsAreWhatChanged(result);
        assertEquals(2, runningStatsOfTrainedGroupChanged, "the trained group's BatchNorm statistics move");
        assertEquals(List.of("g1"), result.outcome().epochs().get(0).trainingGroups());
    }

    @Test
    void loadedWeightsKeepTheirValuesTheirArraysAndTheirGradientFlags() {
        Engine.getInstance().setRandomSeed(3);
        try (Model source = Model.newInstance("source"); Model target = Model.newInstance("target")) {
            GroupedNetwork saved = BuiltBackbone.build(COMPONENTS, new TestPlugins.TinyConfig(null), ((LabeledImages) DATA.train()), source.getNDManager(), null)
                    .withHead(Linear.builder().setUnits(4).build(), source.getNDManager());
            GroupedNetwork loaded = BuiltBackbone.build(COMPONENTS, new TestPlugins.TinyConfig(null), ((LabeledImages) DATA.train()), target.getNDManager(), null)
                    .withHead(Linear.builder().setUnits(4).build(), target.getNDManager());
            loaded.loadAll(target.getNDManager(), saved.saveAll());
            Map<String, float[]> expected = snapshot(saved);
            Map<String, float[]> actual = snapshot(loaded);
            assertEquals(expected.keySet(), actual.keySet());
            for (String name : expected.keySet()) {
                assertArrayEquals(expected.get(name), actual.get(name), name);
            }
            for (Pair<String, Parameter> parameter : loaded.getParameters()) {
                // trainable parameters take gradients again (DJL's load does not), statistics do not
                assertEquals(GroupedNetwork.isTrainable(parameter.getValue()), parameter.getValue().getArray().hasGradient(), parameter.getKey());
            }
            // owning the memory keeps each parameter's array object, so references to it stay valid
            Map<String, ai.djl.ndarray.NDArray> arrays = new LinkedHashMap<>();
            loaded.getParameters().forEach(p -> arrays.put(p.getKey(), p.getValue().getArray()));
            NativeMemory.ownParameters(loaded);
            loaded.getParameters().forEach(p -> assertTrue(arrays.get(p.getKey()) == p.getValue().getArray(), p.getKey()));
            Map<String, float[]> owned = snapshot(loaded);
            assertEquals(expected.keySet(), owned.keySet());
            owned.forEach((name, values) -> assertArrayEquals(expected.get(name), values, name));
        }
    }

    @Test
    void sameSeedGivesTheSameNumbersAndWeights() {
        Result first = train(null, CONFIG, 7, ((LabeledImages) DATA.train()));
        Result second = train(null, CONFIG, 7, ((LabeledImages) DATA.train()));
        assertEquals(withoutTimes(first.outcome()), withoutTimes(second.outcome()));
        for (String name : first.after().keySet()) {
            assertArrayEquals(first.after().get(name), second.after().get(name), name);
        }
        Result other = train(null, CONFIG, 8, ((LabeledImages) DATA.train()));
        assertFalse(first.outcome().epochs().get(0).trainLoss() == other.outcome().epochs().get(0).trainLoss());
    }

    @Test
    void learnsAndKeepsTheBestValidationEpoch() {
        TrainConfig config = new TrainConfig(12, 8, new OptimizerConfig(OptimizerConfig.OptimizerType.adam, 0.01, null, null), new EarlyStoppingConfig(3, null));
        TrainingOutcome outcome = train(null, config, 3, ((LabeledImages) DATA.train())).outcome();
        double best = outcome.epochs().stream().mapToDouble(EpochMetrics::validationAccuracy).max().orElseThrow();
        assertEquals(best, outcome.epochs().get(outcome.bestEpoch() - 1).validationAccuracy());
        assertTrue(best > 0.9, "synthetic bars are easy: best validation accuracy " + best);
        if (outcome.stoppedEarly()) {
            assertEquals(outcome.bestEpoch() + 3, outcome.epochs().size());
        }
    }

    /**
     * A frozen backbone whose features are all zero (grey images normalise to 0 and a fresh
     * conv-BatchNorm-ReLU stack maps 0 to 0) leaves a softmax classifier training alone, with
     * gradients that add up to exactly 0.0f: the weights' are 0 and the bias's are 1/4 - y over
     * four classes, exact in binary. DJL's Trainer took that for a forgotten backward() and failed
     * the trial ("Gradient values are all zeros"); a real step must train the bias towards the
     * class frequencies.
     */
    @Test
    void aClassifierTrainsAloneEvenWhenItsGradientsAddUpToExactlyZero() {
        LabeledImages train = ((LabeledImages) DATA.train());
        float[] pixels = new float[train.pixels().length];
        java.util.Arrays.fill(pixels, 0.5f);
        LabeledImages grey = new LabeledImages(pixels, moreOfClassZero(train.labels()), train.channels(), train.height(), train.width(),
                train.classNames(), "grey", "grey");
        Result result = train(new TestPlugins.FreezeBottom().create(new TestPlugins.FreezeBottomConfig(2)), CONFIG, 1, grey);
        assertEquals(CONFIG.epochs(), result.outcome().epochs().size());
        for (String name : result.before().keySet()) {
            boolean changed = !java.util.Arrays.equals(result.before().get(name), result.after().get(name));
            assertEquals(name.endsWith("bias") && name.contains("head"), changed, name + (changed ? " changed" : " did not change"));
        }
    }

    /**
     * A schedule that chooses parameters (FreezeSchedule.parameters, as BitFit does): every group
     * "trains" in inference mode, but of the backbone only the biases and normalisation shifts are
     * updated; weights, scales and the BatchNorm statistics stay bit-identical, the head trains.
     */
    @Test
    void aScheduleThatChoosesParametersTrainsExactlyThose() {
        List<dev.graft.spi.freeze.BackboneParameter> seen = new java.util.ArrayList<>();
        FreezeSchedule biasesOnly = new FreezeSchedule() {
            @Override
            public List<dev.graft.spi.freeze.GroupState> plan(List<String> groupNames, dev.graft.spi.freeze.TrainingPosition position) {
                return java.util.Collections.nCopies(groupNames.size(), new dev.graft.spi.freeze.GroupState(true, 1.0, false));
            }

            @Override
            public List<dev.graft.spi.freeze.ParameterState> parameters(List<dev.graft.spi.freeze.BackboneParameter> parameters,
                    dev.graft.spi.freeze.TrainingPosition position) {
                if (seen.isEmpty()) {
                    seen.addAll(parameters);
                }
                return parameters.stream().map(p -> p.kind() == dev.graft.spi.freeze.BackboneParameter.Kind.BIAS
                        || p.kind() == dev.graft.spi.freeze.BackboneParameter.Kind.NORM_SHIFT
                        ? dev.graft.spi.freeze.ParameterState.TRAINING : dev.graft.spi.freeze.ParameterState.FROZEN).toList();
            }
        };
        Result result = train(biasesOnly, CONFIG, 1, ((LabeledImages) DATA.train()));
        // the tiny backbone: two groups of convolution (weight, bias) and BatchNorm (gamma, beta, running mean and variance)
        assertEquals(List.of("WEIGHT", "BIAS", "NORM_SCALE", "NORM_SHIFT", "RUNNING_STATISTIC", "RUNNING_STATISTIC"),
                seen.stream().filter(p -> p.groupIndex() == 0).map(p -> p.kind().name()).toList());
        assertEquals(12, seen.size());
        assertTrue(seen.stream().allMatch(p -> p.size() > 0), seen.toString());
        int updated = 0;
        for (String name : result.before().keySet()) {
            boolean changed = !java.util.Arrays.equals(result.before().get(name), result.after().get(name));
            boolean shouldTrain = name.contains("head") || name.endsWith("bias") || name.endsWith("beta");
            assertEquals(shouldTrain, changed, name + (changed ? " changed" : " did not change"));
            updated += changed && !name.contains("head") ? 1 : 0;
        }
        assertEquals(4, updated, "two convolution biases and two BatchNorm shifts");
        countsAreWhatChanged(result);
        assertEquals(List.of("g0", "g1"), result.outcome().epochs().get(0).trainingGroups());
    }

    @Test
    void aParameterAnswerOfTheWrongLengthFailsNamingBoth() {
        FreezeSchedule wrong = new FreezeSchedule() {
            @Override
            public List<dev.graft.spi.freeze.GroupState> plan(List<String> groupNames, dev.graft.spi.freeze.TrainingPosition position) {
                return java.util.Collections.nCopies(groupNames.size(), dev.graft.spi.freeze.GroupState.TRAINING);
            }

            @Override
            public List<dev.graft.spi.freeze.ParameterState> parameters(List<dev.graft.spi.freeze.BackboneParameter> parameters,
                    dev.graft.spi.freeze.TrainingPosition position) {
                return List.of(dev.graft.spi.freeze.ParameterState.TRAINING);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> train(wrong, CONFIG, 1, ((LabeledImages) DATA.train())));
        assertEquals("freeze schedule returned 1 parameter states for 12 backbone parameters", e.getMessage());
    }

    /** Every other label made 0, so the classes are unbalanced and the bias has a prior to learn. */
    private static int[] moreOfClassZero(int[] labels) {
        int[] shifted = labels.clone();
        for (int i = 0; i < shifted.length; i += 2) {
            shifted[i] = 0;
        }
        return shifted;
    }

    @Test
    void divergingLossFailsTheTrial() {
        TrainConfig config = new TrainConfig(3, 8, new OptimizerConfig(OptimizerConfig.OptimizerType.sgd, 9.0, 0.0, null), null);
        LabeledImages huge = scaled(((LabeledImages) DATA.train()), Float.NaN);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> train(null, config, 1, huge));
        assertTrue(e.getMessage().startsWith("training loss became"), e.getMessage());
    }

    private static List<List<Object>> withoutTimes(TrainingOutcome outcome) {
        return outcome.epochs().stream().map(e -> List.<Object>of(e.trainLoss(), e.trainAccuracy(), e.validationAccuracy())).toList();
    }

    private static LabeledImages scaled(LabeledImages data, float factor) {
        float[] pixels = data.pixels().clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] *= factor;
        }
        return new LabeledImages(pixels, data.labels(), data.channels(), data.height(), data.width(), data.classNames(), "x", "x");
    }

    /** Trains with an augmenter and returns the trained weights. */
    private static Map<String, float[]> trainAugmented(dev.graft.spi.augment.Augmenter augmenter, NetworkTrainer[] trainerOut) {
        Engine.getInstance().setRandomSeed(3);
        try (Model model = Model.newInstance("test")) {
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, new TestPlugins.TinyConfig(null), ((LabeledImages) DATA.train()), model.getNDManager(), null);
            GroupedNetwork network = built.withHead(Linear.builder().setUnits(4).build(), model.getNDManager());
            model.setBlock(network);
            NetworkTrainer trainer = new NetworkTrainer(CONFIG, null, augmenter, built.backbone().inputSpec(), 3);
            trainer.train(model, ((LabeledImages) DATA.train()), DATA.validation(), EpochListener.NONE);
            trainerOut[0] = trainer;
            return snapshot(network);
        }
    }

    @Test
    void augmentationRunsOffTheTrainingThreadInOrderAndItsErrorsFailTheTraining() {
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Double> draws = new java.util.ArrayList<>();
        dev.graft.spi.augment.Augmenter invert = new TestPlugins.Invert().create(new TestPlugins.InvertConfig());
        dev.graft.spi.augment.Augmenter recording = (batch, random) -> {
            threads.add(Thread.currentThread().getName());
            synchronized (draws) {
                draws.add(random.nextDouble());
            }
            return invert.apply(batch, random);
        };
        NetworkTrainer[] trainer = new NetworkTrainer[1];
        Map<String, float[]> first = trainAugmented(recording, trainer);
        assertEquals(java.util.Set.of("graft-batches"), threads, "augmentation never runs on the training thread");
        assertTrue(trainer[0].dataWaitSeconds() >= 0);
        List<Double> firstDraws = List.copyOf(draws);
        draws.clear();
        Map<String, float[]> second = trainAugmented(recording, trainer);
        assertEquals(firstDraws, draws, "the augmenter draws the same numbers in the same order");
        for (String name : first.keySet()) {
            assertArrayEquals(first.get(name), second.get(name), name);
        }
        // the draws are what one sequential pass over the epochs' batches makes: 4 epochs x 2 batches
        assertEquals(4 * ((((LabeledImages) DATA.train()).size() + 7) / 8), firstDraws.size());

        IllegalStateException broken = assertThrows(IllegalStateException.class, () -> trainAugmented((batch, random) -> {
            throw new IllegalStateException("augmenter broke");
        }, trainer));
        assertEquals("augmenter broke", broken.getMessage());
    }
}
