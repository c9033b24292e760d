package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Configuration of {@code shear}, as Keras' {@code shear_range}.
 *
 * @param range degrees either way (Keras shear_range)
 * @param fill {@code nearest} (Keras' default), {@code constant}, {@code reflect} or {@code wrap}
 * @param value the constant, in [0, 1]
 */
public record ShearConfig(
        @JsonPropertyDescription("degrees either way (Keras shear_range)") Double range,
        @JsonPropertyDescription("nearest (Keras' default), constant, reflect or wrap (Keras fill_mode)") ShiftConfig.Fill fill,
        @JsonPropertyDescription("fill value for constant, in [0,1]") Double value) implements Geometry {
    public ShearConfig {
        range = Geometry.range(range, 10.0, 90);
        fill = fill == null ? ShiftConfig.Fill.nearest : fill;
        value = value == null ? 0.0 : value;
    }
}
