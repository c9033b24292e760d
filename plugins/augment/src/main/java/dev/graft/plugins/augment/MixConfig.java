package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code mixup} and {@code cutmix}.
 *
 * @param alpha the Beta(alpha, alpha) parameter of the mixing share (mixup's paper: 0.2-0.4; CutMix's: 1)
 */
public record MixConfig(@JsonPropertyDescription("Beta(alpha, alpha) parameter of the mixing share") Double alpha) implements AugmentConfig {
    public MixConfig {
        alpha = alpha == null ? 0.4 : alpha;
        if (!(alpha > 0)) {
            throw new InvalidConfigException("alpha", "must be positive, got " + alpha);
        }
    }
}
