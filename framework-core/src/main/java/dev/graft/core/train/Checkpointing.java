package dev.graft.core.train;

import dev.graft.spi.backbone.LayerGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Writes a {@link TrialCheckpoint} after every epoch but the last: weights, the best epoch's
 * weights when they differ, the optimiser's per-parameter state and step counts, the epochs so
 * far and the group rate multipliers, so that a resumed trial ends where an uninterrupted one
 * does. Runs after every other epoch hook, so a training that stops writes nothing more.
 */
final class Checkpointing implements LoopHook {
    private final Path file;
    private final String key;
    private final int epochs;
    private final GroupedNetwork network;
    private final GroupLearningRates rates;
    private final PerParameterSteps.Checkpointable optimizer;
    private final Map<String, String> idToName;
    private final EarlyStopping best;
    private final List<EpochMetrics> done;
    private final LongSupplier step;
    private final ParameterUse use;

    Checkpointing(Path file, String key, int epochs, GroupedNetwork network, GroupLearningRates rates, PerParameterSteps.Checkpointable optimizer,
            Map<String, String> idToName, EarlyStopping best, List<EpochMetrics> done, LongSupplier step, ParameterUse use) {
        this.use = use;
        this.file = file;
        this.key = key;
        this.epochs = epochs;
        this.network = network;
        this.rates = rates;
        this.optimizer = optimizer;
        this.idToName = idToName;
        this.best = best;
        this.done = done;
        this.step = step;
    }

    @Override
    public boolean afterEpoch(EpochMetrics metrics) {
        int epoch = metrics.epoch();
        if (epoch < epochs) {
            Map<String, Double> multipliers = new LinkedHashMap<>();
            for (LayerGroup group : network.groups()) {
                multipliers.put(group.name(), rates.multiplier(group.block()));
            }
            multipliers.put("head", rates.multiplier(network.head()));
            new TrialCheckpoint(key, epoch, step.getAsLong(), done, best.bestEpoch(), network.saveAll(),
                    best.bestEpoch() == epoch ? null : best.bestWeights(), optimizer.bookkeeping().snapshot(idToName), multipliers,
                    use.trained(), use.changed())
                    .write(file);
        }
        return true;
    }
}
