package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;

/**
 * Early stopping on validation accuracy. Whether or not it stops early, a trial is scored with
 * the weights of its best validation epoch: the highest validation accuracy, ties (within {@code
 * minDelta}) going to the lower validation loss.
 *
 * @param patience epochs without improvement before stopping
 * @param minDelta the smallest increase in validation accuracy that counts as an improvement
 */
public record EarlyStoppingConfig(
        @JsonPropertyDescription("epochs without improvement before stopping") Integer patience,
        @JsonPropertyDescription("smallest validation-accuracy increase that counts") Double minDelta) {
    public EarlyStoppingConfig {
        patience = patience == null ? 3 : patience;
        if (patience < 1) {
            throw new InvalidConfigException("patience", "must be at least 1, got " + patience);
        }
        minDelta = minDelta == null ? 0.0 : minDelta;
        if (!(minDelta >= 0)) {
            throw new InvalidConfigException("minDelta", "must be >= 0, got " + minDelta);
        }
    }
}
