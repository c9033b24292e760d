package dev.graft.plugins.freeze;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code top-k}.
 *
 * @param k how many layer groups, counted from the output, train
 * @param lrMultiplier the training groups' learning rate as a fraction of the head's (base) rate
 */
public record TopKConfig(
        @JsonPropertyDescription("layer groups that train, counted from the output") Integer k,
        @JsonPropertyDescription("learning rate of the training groups as a fraction of the head's (base) rate") Double lrMultiplier)
        implements FreezeConfig {
    public TopKConfig {
        k = k == null ? 1 : k;
        if (k < 0) {
            throw new InvalidConfigException("k", "must be >= 0, got " + k);
        }
        lrMultiplier = FreezeChecks.lrMultiplier(lrMultiplier);
    }
}
