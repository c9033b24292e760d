package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code brightness}, as Keras' {@code brightness_range}.
 *
 * @param min the smallest brightness factor
 * @param max the largest
 */
public record BrightnessConfig(
        @JsonPropertyDescription("smallest brightness factor (Keras brightness_range[0])") Double min,
        @JsonPropertyDescription("largest brightness factor (Keras brightness_range[1])") Double max) implements AugmentConfig {
    public BrightnessConfig {
        min = min == null ? 0.8 : min;
        max = max == null ? 1.2 : max;
        if (!(min >= 0 && max >= min)) {
            throw new InvalidConfigException("max", "needs 0 <= min <= max, got [" + min + ", " + max + "]");
        }
    }
}
