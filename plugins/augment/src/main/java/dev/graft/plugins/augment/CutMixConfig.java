package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code cutmix}.
 *
 * @param alpha the Beta(alpha, alpha) parameter of the kept share (Yun et al.: 1)
 */
public record CutMixConfig(@JsonPropertyDescription("Beta(alpha, alpha) parameter of the kept share (Yun et al. 1)") Double alpha)
        implements AugmentConfig {
    public CutMixConfig {
        alpha = alpha == null ? 1.0 : alpha;
        if (!(alpha > 0)) {
            throw new InvalidConfigException("alpha", "must be positive, got " + alpha);
        }
    }
}
