package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code color-jitter}, as torchvision's {@code ColorJitter}.
 *
 * @param brightness factor drawn from [max(0, 1 - b), 1 + b]
 * @param contrast factor drawn from [max(0, 1 - c), 1 + c]
 * @param saturation factor drawn from [max(0, 1 - s), 1 + s]
 * @param hue hue shift drawn from [-h, h], in turns (at most 0.5)
 */
public record ColorJitterConfig(
        @JsonPropertyDescription("brightness factor in [max(0, 1 - b), 1 + b]") Double brightness,
        @JsonPropertyDescription("contrast factor in [max(0, 1 - c), 1 + c]") Double contrast,
        @JsonPropertyDescription("saturation factor in [max(0, 1 - s), 1 + s] (RGB only)") Double saturation,
        @JsonPropertyDescription("hue shift in [-h, h] turns, h <= 0.5 (RGB only)") Double hue) implements AugmentConfig {
    public ColorJitterConfig {
        brightness = nonNegative("brightness", brightness);
        contrast = nonNegative("contrast", contrast);
        saturation = nonNegative("saturation", saturation);
        hue = nonNegative("hue", hue);
        if (hue > 0.5) {
            throw new InvalidConfigException("hue", "must be in [0, 0.5], got " + hue);
        }
    }

    private static double nonNegative(String field, Double value) {
        double v = value == null ? 0.0 : value;
        if (!(v >= 0)) {
            throw new InvalidConfigException(field, "must be >= 0, got " + v);
        }
        return v;
    }
}
