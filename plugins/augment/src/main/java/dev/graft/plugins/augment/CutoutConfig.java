package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code cutout} (DeVries and Taylor 2017).
 *
 * @param size side of the square, as a fraction of the image's shorter side
 * @param value the fill value, in [0, 1]
 */
public record CutoutConfig(
        @JsonPropertyDescription("side of the square, fraction of the shorter image side") Double size,
        @JsonPropertyDescription("fill value in [0,1]") Double value) implements AugmentConfig {
    public CutoutConfig {
        size = size == null ? 0.25 : size;
        if (!(size > 0 && size <= 1)) {
            throw new InvalidConfigException("size", "must be in (0, 1], got " + size);
        }
        value = value == null ? 0.0 : value;
    }
}
