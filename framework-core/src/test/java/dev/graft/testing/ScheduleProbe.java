package dev.graft.testing;

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
import dev.graft.core.train.EpochListener;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.Inference;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.core.train.Regularization;
import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.freeze.TrainingPosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the tiny test backbone (groups {@code g0}, {@code g1}, then a linear head) under a real
 * freeze schedule and records every parameter at the start of each epoch, so a test can check
 * what the schedule did to the parameters: which groups changed in which epoch, whether their
 * BatchNorm statistics moved, and how large the steps were.
 */
public final class ScheduleProbe {
    static final Components COMPONENTS = new Components(Plugins.of(List.of(new TestPlugins())).registry());
    static final LabelledSplit DATA = PerClassSampler.draw(SyntheticImages.make(4, 20, 12, 3), 16, 0.25, 5);

    /** The plans the schedule returned, epoch by epoch. */
    public final List<List<GroupState>> plans = new ArrayList<>();
    /** The head multipliers the schedule returned, epoch by epoch. */
    public final List<Double> headMultipliers = new ArrayList<>();
    /** Every parameter at the start of each epoch, and once more after training. */
    public final List<Map<String, float[]>> snapshots = new ArrayList<>();
    /** The backbone's features of the training examples after training, row-major (examples x features). */
    public float[][] features;
    /**
     * With a regulariser that reads source outputs: the mean absolute difference between the
     * source head's class probabilities on the training examples through the trained network and
     * through the pretrained one, after training (LwF matches distributions, which ignore a shift
     * of all logits); NaN otherwise.
     */
    public double sourceOutputDrift = Double.NaN;

    private ScheduleProbe() {}

    /**
     * @param schedule the schedule under test
     * @param epochs epochs to train
     * @param optimizer the optimiser (plain SGD with one batch per epoch makes steps exact)
     * @param batchSize examples per batch
     * @return what happened
     */
    public static ScheduleProbe train(FreezeSchedule schedule, int epochs, OptimizerConfig optimizer, int batchSize) {
        return train(schedule, new TrainConfig(epochs, batchSize, optimizer, null));
    }

    /**
     * @param schedule the schedule under test
     * @param config the training settings
     * @return what happened
     */
    public static ScheduleProbe train(FreezeSchedule schedule, TrainConfig config) {
        return train(schedule, config, null);
    }

    /**
     * @param schedule the schedule under test
     * @param config the training settings
     * @param regularizer a regulariser, or null; one that reads source outputs gets a 3-class
     *     source head and a copy of the initial network as the pretrained one
     * @return what happened
     */
    public static ScheduleProbe train(FreezeSchedule schedule, TrainConfig config, Regularizer regularizer) {
        ScheduleProbe probe = new ScheduleProbe();
        Engine.getInstance().setRandomSeed(11);
        try (Model model = Model.newInstance("probe")) {
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, new TestPlugins.TinyConfig(null), DATA.train(), model.getNDManager(), null);
            boolean source = regularizer != null && regularizer.needs().contains(Regularizer.Need.SOURCE_OUTPUTS);
            GroupedNetwork network = built.withHead(Linear.builder().setUnits(4).build(), source ? Linear.builder().setUnits(3).build() : null,
                    model.getNDManager());
            model.setBlock(network);
            GroupedNetwork pretrained = null;
            if (source) {
                pretrained = BuiltBackbone.build(COMPONENTS, new TestPlugins.TinyConfig(null), DATA.train(), model.getNDManager(),
                        network.saveBackbone()).withHead(Linear.builder().setUnits(3).build(), model.getNDManager());
                GroupedNetwork.loadBlock(model.getNDManager(), pretrained.head(), GroupedNetwork.saveBlock(network.sourceHead()));
                pretrained.freezeParameters(true);
            }
            FreezeSchedule recording = new FreezeSchedule() {
                @Override
                public List<GroupState> plan(List<String> groups, TrainingPosition position) {
                    probe.snapshots.add(snapshot(network));
                    List<GroupState> plan = schedule.plan(groups, position);
                    probe.plans.add(plan);
                    return plan;
                }

                @Override
                public double headLrMultiplier(TrainingPosition position) {
                    double multiplier = schedule.headLrMultiplier(position);
                    probe.headMultipliers.add(multiplier);
                    return multiplier;
                }

                @Override
                public double lrFactor(TrainingPosition position, double epochFraction) {
                    return schedule.lrFactor(position, epochFraction);
                }
            };
            new NetworkTrainer(config, recording, null, built.backbone().inputSpec(), 11, Integer.MAX_VALUE,
                    regularizer == null ? null : new Regularization(regularizer, pretrained))
                    .train(model, DATA.train(), DATA.validation().select(new int[0], "none"), EpochListener.NONE);
            probe.snapshots.add(snapshot(network));
            FeatureTable table = Inference.features(new GroupedNetwork(network.groups(), null), model.getNDManager(), DATA.train(),
                    built.backbone().inputSpec(), 256);
            probe.features = new float[table.rows()][];
            for (int i = 0; i < table.rows(); i++) {
                probe.features[i] = java.util.Arrays.copyOfRange(table.values(), i * table.cols(), (i + 1) * table.cols());
            }
            if (source) {
                probe.sourceOutputDrift = drift(network, pretrained, model.getNDManager(), built);
            }
        }
        return probe;
    }

    /**
     * Mean absolute difference of the source class probabilities through the two networks, on the
     * training examples: the trained network in training mode (BatchNorm on the batch's statistics), the
     * pretrained one in inference mode, as LwF's loss compares them in a full-batch step. (In
     * inference mode the trained network's BatchNorm running statistics, which follow the target
     * batches whatever the loss says, would add a drift that LwF cannot act on.)
     */
    private static double drift(GroupedNetwork trained, GroupedNetwork pretrained, ai.djl.ndarray.NDManager manager, BuiltBackbone built) {
        try (ai.djl.ndarray.NDManager scope = manager.newSubManager()) {
            ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(scope, false);
            ai.djl.ndarray.NDList x = built.backbone().inputSpec().prepare(DATA.train().gather(dev.graft.core.train.Batches.range(0,
                    DATA.train().size()))).toNDList(scope);
            ai.djl.ndarray.NDList features = x;
            for (var group : trained.groups()) {
                features = group.block().forward(store, features, true);
            }
            ai.djl.ndarray.NDArray current = trained.sourceHead().forward(store, features, true).singletonOrThrow();
            ai.djl.ndarray.NDArray recorded = pretrained.forward(store, x, false).singletonOrThrow();
            return current.softmax(1).sub(recorded.softmax(1)).abs().mean().getFloat();
        }
    }

    /** @return the size of the training set, for one-batch-per-epoch runs */
    public static int trainingExamples() {
        return DATA.train().size();
    }

    /**
     * @param epoch an epoch, from 0
     * @param group {@code g0}, {@code g1} or {@code head}
     * @param runningStatistics whether to look at BatchNorm running statistics or at the trainable parameters
     * @return whether any such parameter changed during the epoch
     */
    public boolean changed(int epoch, String group, boolean runningStatistics) {
        Map<String, float[]> before = snapshots.get(epoch);
        Map<String, float[]> after = snapshots.get(epoch + 1);
        for (String name : before.keySet()) {
            if (name.substring(2).startsWith(group) && name.contains("running") == runningStatistics
                    && !Arrays.equals(before.get(name), after.get(name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param epoch an epoch, from 0
     * @param group {@code g0}, {@code g1} or {@code head}
     * @param suffix the end of the parameter name, e.g. {@code gamma} or {@code weight}
     * @return whether any parameter of the group whose name ends with {@code suffix} changed in the epoch
     */
    public boolean changed(int epoch, String group, String suffix) {
        for (String name : snapshots.get(epoch).keySet()) {
            if (name.substring(2).startsWith(group) && name.endsWith(suffix)
                    && !Arrays.equals(snapshots.get(epoch).get(name), snapshots.get(epoch + 1).get(name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param epoch an epoch, from 0
     * @param group {@code g0}, {@code g1} or {@code head}
     * @return the Euclidean length of the change of the group's trainable parameters in the epoch
     */
    public double stepLength(int epoch, String group) {
        double sum = 0;
        Map<String, float[]> before = snapshots.get(epoch);
        Map<String, float[]> after = snapshots.get(epoch + 1);
        for (String name : before.keySet()) {
            if (name.substring(2).startsWith(group) && !name.contains("running")) {
                for (int i = 0; i < before.get(name).length; i++) {
                    double d = after.get(name)[i] - before.get(name)[i];
                    sum += d * d;
                }
            }
        }
        return Math.sqrt(sum);
    }

    private static Map<String, float[]> snapshot(GroupedNetwork network) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }
}
