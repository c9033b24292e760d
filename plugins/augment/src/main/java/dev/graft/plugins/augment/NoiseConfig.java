package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code gaussian-noise}.
 *
 * @param std standard deviation of the noise, in [0, 1] pixel units
 */
public record NoiseConfig(@JsonPropertyDescription("standard deviation of the noise, in [0,1] pixel units") Double std) implements AugmentConfig {
    public NoiseConfig {
        std = std == null ? 0.05 : std;
        if (!(std >= 0 && std <= 1)) {
            throw new InvalidConfigException("std", "must be in [0, 1], got " + std);
        }
    }
}
