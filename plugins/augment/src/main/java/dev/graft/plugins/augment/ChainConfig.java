package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;
import java.util.List;

/**
 * Configuration of {@code chain}.
 *
 * @param steps augmenters applied in order to every batch, e.g. {@code [{type: rotation}, {type: shift}, {type: flip}]}
 */
public record ChainConfig(@JsonPropertyDescription("augmenters applied in order to every batch") List<AugmentConfig> steps)
        implements AugmentConfig {
    public ChainConfig {
        if (steps == null || steps.isEmpty()) {
            throw new InvalidConfigException("steps", "needs at least one augmenter");
        }
        steps = List.copyOf(steps);
    }
}
