package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;

/**
 * How a network trains.
 *
 * @param epochs maximum epochs
 * @param batchSize examples per batch
 * @param optimizer optimiser and learning rate
 * @param earlyStopping stop when validation accuracy stops improving; null never stops early
 * @param trainBatchNorm keep BatchNorm layers of frozen groups training (their scale and shift
 *     learn, their statistics follow the target data) while the rest of the group stays frozen, as
 *     fastai's and Lightning's {@code train_bn}
 */
public record TrainConfig(
        @JsonPropertyDescription("maximum epochs") Integer epochs,
        @JsonPropertyDescription("examples per batch") Integer batchSize,
        @JsonPropertyDescription("optimiser and learning rate") OptimizerConfig optimizer,
        @JsonPropertyDescription("stop when validation accuracy stops improving; absent = never") EarlyStoppingConfig earlyStopping,
        @JsonPropertyDescription("BatchNorm of frozen groups keeps training (fastai/Lightning train_bn)") Boolean trainBatchNorm) {

    /** Ten epochs of Adam at 1e-3, batches of 64, no early stopping. */
    public static final TrainConfig DEFAULT = new TrainConfig(null, null, null, null, null);

    /**
     * Training without {@code trainBatchNorm}.
     *
     * @param epochs maximum epochs
     * @param batchSize examples per batch
     * @param optimizer optimiser and learning rate
     * @param earlyStopping early stopping, or null
     */
    public TrainConfig(Integer epochs, Integer batchSize, OptimizerConfig optimizer, EarlyStoppingConfig earlyStopping) {
        this(epochs, batchSize, optimizer, earlyStopping, null);
    }

    public TrainConfig {
        epochs = epochs == null ? 10 : epochs;
        if (epochs < 1 || epochs > 10_000) {
            throw new InvalidConfigException("epochs", "must be in [1, 10000], got " + epochs);
        }
        batchSize = batchSize == null ? 64 : batchSize;
        if (batchSize < 1) {
            throw new InvalidConfigException("batchSize", "must be at least 1, got " + batchSize);
        }
        optimizer = optimizer == null ? OptimizerConfig.DEFAULT : optimizer;
        trainBatchNorm = trainBatchNorm != null && trainBatchNorm;
    }
}
