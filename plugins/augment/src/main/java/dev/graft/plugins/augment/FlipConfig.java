package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code flip}, as Keras' {@code horizontal_flip} / {@code vertical_flip}.
 *
 * @param horizontal flip left-right
 * @param vertical flip top-bottom
 * @param probability chance that each image is flipped along each enabled axis
 */
public record FlipConfig(
        @JsonPropertyDescription("flip left-right") Boolean horizontal,
        @JsonPropertyDescription("flip top-bottom") Boolean vertical,
        @JsonPropertyDescription("chance each image is flipped along each enabled axis") Double probability)
        implements AugmentConfig {
    public FlipConfig {
        horizontal = horizontal == null ? Boolean.TRUE : horizontal;
        vertical = vertical == null ? Boolean.FALSE : vertical;
        probability = probability == null ? 0.5 : probability;
        if (!(probability >= 0 && probability <= 1)) {
            throw new InvalidConfigException("probability", "must be in [0, 1], got " + probability);
        }
        if (!horizontal && !vertical) {
            throw new InvalidConfigException("horizontal", "flip needs horizontal or vertical (or both)");
        }
    }
}
