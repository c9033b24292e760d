package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code shift}, as Keras' {@code width_shift_range} / {@code
 * height_shift_range} given as fractions.
 *
 * @param width largest horizontal shift, as a fraction of the width
 * @param height largest vertical shift, as a fraction of the height
 * @param fill {@code nearest} (repeat the edge pixel, Keras' default), {@code constant}, {@code reflect} or {@code wrap}
 * @param value the fill value for {@code constant}, in [0, 1]
 */
public record ShiftConfig(
        @JsonPropertyDescription("largest horizontal shift, fraction of the width") Double width,
        @JsonPropertyDescription("largest vertical shift, fraction of the height") Double height,
        @JsonPropertyDescription("nearest (repeat the edge, Keras' default), constant, reflect or wrap (Keras fill_mode)") Fill fill,
        @JsonPropertyDescription("fill value for constant, in [0,1]") Double value) implements AugmentConfig {

    /** How uncovered pixels are filled (Keras' {@code fill_mode}). */
    public enum Fill {
        /** the nearest edge pixel: aaaaaaaa|abcd|dddddddd */
        nearest,
        /** a constant value: kkkkkkkk|abcd|kkkkkkkk */
        constant,
        /** the image mirrored at its edges: abcddcba|abcd|dcbaabcd */
        reflect,
        /** the image repeated: abcdabcd|abcd|abcdabcd */
        wrap
    }

    public ShiftConfig {
        width = width == null ? 0.1 : width;
        height = height == null ? 0.1 : height;
        if (!(width >= 0 && width < 1)) {
            throw new InvalidConfigException("width", "must be in [0, 1), got " + width);
        }
        if (!(height >= 0 && height < 1)) {
            throw new InvalidConfigException("height", "must be in [0, 1), got " + height);
        }
        fill = fill == null ? Fill.nearest : fill;
        value = value == null ? 0.0 : value;
    }
}
