package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;

/**
 * The optimiser.
 *
 * @param type {@code adam} or {@code sgd}
 * @param lr base learning rate (freeze schedules scale it per layer group)
 * @param momentum SGD momentum (ignored by Adam)
 * @param weightDecay L2 weight decay
 * @param schedule how the base rate changes over training
 */
public record OptimizerConfig(
        @JsonPropertyDescription("adam or sgd") OptimizerType type,
        @JsonPropertyDescription("base learning rate") Double lr,
        @JsonPropertyDescription("SGD momentum") Double momentum,
        @JsonPropertyDescription("L2 weight decay") Double weightDecay,
        @JsonPropertyDescription("learning-rate schedule: constant (default), step, cosine, one-cycle") LrScheduleConfig schedule) {

    /** Adam at 1e-3. */
    public static final OptimizerConfig DEFAULT = new OptimizerConfig(null, null, null, null, null);

    /** The optimisers the training loop implements. */
    public enum OptimizerType {
        adam,
        sgd
    }

    /**
     * An optimiser with a constant rate.
     *
     * @param type adam or sgd
     * @param lr base learning rate
     * @param momentum SGD momentum
     * @param weightDecay L2 weight decay
     */
    public OptimizerConfig(OptimizerType type, Double lr, Double momentum, Double weightDecay) {
        this(type, lr, momentum, weightDecay, null);
    }

    public OptimizerConfig {
        type = type == null ? OptimizerType.adam : type;
        lr = lr == null ? (type == OptimizerType.adam ? 1e-3 : 1e-2) : lr;
        if (!(lr > 0 && lr < 10)) {
            throw new InvalidConfigException("lr", "must be in (0, 10), got " + lr);
        }
        momentum = momentum == null ? (type == OptimizerType.sgd ? 0.9 : 0.0) : momentum;
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidConfigException("momentum", "must be in [0, 1), got " + momentum);
        }
        weightDecay = weightDecay == null ? 0.0 : weightDecay;
        schedule = schedule == null ? LrScheduleConfig.CONSTANT : schedule;
        if (!(weightDecay >= 0)) {
            throw new InvalidConfigException("weightDecay", "must be >= 0, got " + weightDecay);
        }
    }
}
