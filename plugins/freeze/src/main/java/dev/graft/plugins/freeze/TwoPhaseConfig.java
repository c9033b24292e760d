package dev.graft.plugins.freeze;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code two-phase}.
 *
 * @param frozenEpochs epochs of the first phase, backbone frozen
 * @param unfrozenLrScale the whole model's learning rate in the second phase, as a fraction of the base rate
 * @param trainBatchNorm whether the backbone's BatchNorm layers run in training mode in the second phase
 */
public record TwoPhaseConfig(
        @JsonPropertyDescription("epochs with the backbone frozen (phase 1)") Integer frozenEpochs,
        @JsonPropertyDescription("learning rate of the whole model in phase 2, as a fraction of the base rate") Double unfrozenLrScale,
        @JsonPropertyDescription("BatchNorm of the backbone in training mode in phase 2 (Keras keeps it in inference mode)") Boolean trainBatchNorm)
        implements FreezeConfig {
    public TwoPhaseConfig {
        frozenEpochs = frozenEpochs == null ? 5 : frozenEpochs;
        if (frozenEpochs < 0) {
            throw new InvalidConfigException("frozenEpochs", "must be >= 0, got " + frozenEpochs);
        }
        unfrozenLrScale = unfrozenLrScale == null ? 0.01 : unfrozenLrScale;
        if (!(unfrozenLrScale > 0 && unfrozenLrScale <= 1)) {
            throw new InvalidConfigException("unfrozenLrScale", "must be in (0, 1], got " + unfrozenLrScale);
        }
        trainBatchNorm = trainBatchNorm != null && trainBatchNorm;
    }
}
