package dev.graft.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import dev.graft.core.data.LabelledSplit;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.core.trial.Components;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.freeze.TrainingPosition;
import dev.graft.testing.SyntheticImages;
import dev.graft.testing.TestPlugins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What a schedule does to the parameters: which groups change, in which epoch, at what learning rate. */
class ScheduledTrainingTest {
    static final Components COMPONENTS = new Components(Plugins.of(List.of(new TestPlugins())).registry());
    static final LabelledSplit DATA = PerClassSampler.draw(SyntheticImages.make(4, 20, 12, 3), 16, 0.25, 5);

    /** A schedule given as functions, which snapshots every parameter at the start of each epoch. */
    static final class Recording implements FreezeSchedule {
        final BiFunction<Integer, Integer, GroupState> state;
        final Function<Integer, Double> head;
        final List<Map<String, float[]>> snapshots = new ArrayList<>();
        GroupedNetwork network;

        Recording(BiFunction<Integer, Integer, GroupState> state, Function<Integer, Double> head) {
            this.state = state;
            this.head = head;
        }

        @Override
        public List<GroupState> plan(List<String> groups, TrainingPosition position) {
            snapshots.add(snapshot(network));
            List<GroupState> states = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                states.add(state.apply(position.epoch(), i));
            }
            return states;
        }

        @Override
        public double headLrMultiplier(TrainingPosition position) {
            return head.apply(position.epoch());
        }
    }

    static Map<String, float[]> snapshot(GroupedNetwork network) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /** Trains and returns the snapshots at the start of each epoch plus one at the end. */
    static List<Map<String, float[]>> train(Recording schedule, TrainConfig config) {
        Engine.getInstance().setRandomSeed(11);
        try (Model model = Model.newInstance("test")) {
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, new TestPlugins.TinyConfig(null), DATA.train(), model.getNDManager(), null);
            GroupedNetwork network = built.withHead(Linear.builder().setUnits(4).build(), model.getNDManager());
            model.setBlock(network);
            schedule.network = network;
            // no validation split: every epoch's weights are kept, so the last snapshot is the trained state
            new NetworkTrainer(config, schedule, null, built.backbone().inputSpec(), 11)
                    .train(model, DATA.train(), DATA.validation().select(new int[0], "none"), EpochListener.NONE);
            schedule.snapshots.add(snapshot(network));
            return schedule.snapshots;
        }
    }

    static boolean changed(Map<String, float[]> before, Map<String, float[]> after, String prefix, boolean runningStats) {
        boolean any = false;
        for (String name : before.keySet()) {
            if (name.startsWith(prefix) && name.contains("running") == runningStats) {
                any |= !java.util.Arrays.equals(before.get(name), after.get(name));
            }
        }
        return any;
    }

    @Test
    void groupsChangeOnlyInTheEpochsTheyTrainAndBatchNormCanStayInInferenceMode() {
        // epoch 0: only the head; epoch 1: group g1 trains with BatchNorm in inference mode; epoch 2: g1 in training mode
        Recording schedule = new Recording((epoch, group) -> group == 0 || epoch == 0 ? GroupState.FROZEN
                : new GroupState(true, 1.0, epoch >= 2), epoch -> 1.0);
        List<Map<String, float[]>> s = train(schedule, new TrainConfig(3, 8, new OptimizerConfig(OptimizerConfig.OptimizerType.adam, 0.01, null, null), null));
        assertEquals(4, s.size());
        assertTrue(changed(s.get(0), s.get(1), "03head", false), "the head trains in epoch 0");
        assertFalse(changed(s.get(0), s.get(1), "02g1", false), "g1 frozen in epoch 0");
        assertFalse(changed(s.get(0), s.get(1), "02g1", true), "g1's BatchNorm statistics untouched in epoch 0");
        assertTrue(changed(s.get(1), s.get(2), "02g1", false), "g1's weights train in epoch 1");
        assertFalse(changed(s.get(1), s.get(2), "02g1", true), "but its BatchNorm runs in inference mode");
        assertTrue(changed(s.get(2), s.get(3), "02g1", true), "epoch 2: BatchNorm in training mode updates its statistics");
        assertFalse(changed(s.get(0), s.get(3), "01g0", false) || changed(s.get(0), s.get(3), "01g0", true), "g0 never trains");
    }

    @Test
    void groupAndHeadMultipliersScaleTheStepExactly() {
        // plain SGD and one batch holding every example: exactly one step of w -= lr * multiplier * grad
        TrainConfig oneStep = new TrainConfig(1, DATA.train().size(), new OptimizerConfig(OptimizerConfig.OptimizerType.sgd, 0.1, 0.0, null), null);
        List<Map<String, float[]>> full = train(new Recording((epoch, group) -> GroupState.TRAINING, epoch -> 1.0), oneStep);
        List<Map<String, float[]>> scaled = train(new Recording((epoch, group) -> new GroupState(true, group == 1 ? 0.25 : 1.0), epoch -> 0.5), oneStep);
        assertEquals(2, full.size());
        for (String name : full.get(0).keySet()) {
            if (name.contains("running")) {
                continue;
            }
            double expected = name.startsWith("02g1") ? 0.25 : name.startsWith("03head") ? 0.5 : 1.0;
            float[] w0 = full.get(0).get(name);
            assertArrayEquals(w0, scaled.get(0).get(name), name + ": same initialisation");
            float[] stepFull = full.get(1).get(name);
            float[] stepScaled = scaled.get(1).get(name);
            double normFull = 0;
            for (int i = 0; i < w0.length; i++) {
                double dFull = stepFull[i] - w0[i];
                double dScaled = stepScaled[i] - w0[i];
                assertEquals(expected * dFull, dScaled, 1e-6 + 1e-3 * Math.abs(dFull), name + "[" + i + "]");
                normFull += dFull * dFull;
            }
            assertTrue(normFull > 0, name + " moved");
        }
    }

    @Test
    void theLearningRateScheduleScalesTheStep() {
        // a one-step one-cycle run starts at lr / divFactor: its step is 1/25 of the constant run's
        int n = DATA.train().size();
        TrainConfig constant = new TrainConfig(1, n, new OptimizerConfig(OptimizerConfig.OptimizerType.sgd, 0.1, 0.0, null), null);
        TrainConfig oneCycle = new TrainConfig(1, n, new OptimizerConfig(OptimizerConfig.OptimizerType.sgd, 0.1, 0.0, null,
                new dev.graft.core.descriptor.LrScheduleConfig(dev.graft.core.descriptor.LrScheduleConfig.Type.oneCycle, null, null, null, null,
                        null, 25.0, null)), null);
        List<Map<String, float[]>> a = train(new Recording((epoch, group) -> GroupState.TRAINING, epoch -> 1.0), constant);
        List<Map<String, float[]>> b = train(new Recording((epoch, group) -> GroupState.TRAINING, epoch -> 1.0), oneCycle);
        String weight = a.get(0).keySet().stream().filter(k -> k.startsWith("03head") && k.endsWith("weight")).findFirst().orElseThrow();
        float[] w0 = a.get(0).get(weight);
        for (int i = 0; i < w0.length; i++) {
            double full = a.get(1).get(weight)[i] - w0[i];
            assertEquals(full / 25, b.get(1).get(weight)[i] - w0[i], 1e-7 + 1e-3 * Math.abs(full / 25));
        }
    }
}
