package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Configuration of {@code zoom}, as Keras' {@code zoom_range}.
 *
 * @param range z for factors in [1-z, 1+z] per axis, above 1 zooming out (Keras zoom_range)
 * @param fill {@code nearest} (Keras' default), {@code constant}, {@code reflect} or {@code wrap}
 * @param value the constant, in [0, 1]
 */
public record ZoomConfig(
        @JsonPropertyDescription("z for factors in [1-z, 1+z] per axis, above 1 zooming out (Keras zoom_range)") Double range,
        @JsonPropertyDescription("nearest (Keras' default), constant, reflect or wrap (Keras fill_mode)") ShiftConfig.Fill fill,
        @JsonPropertyDescription("fill value for constant, in [0,1]") Double value) implements Geometry {
    public ZoomConfig {
        range = Geometry.range(range, 0.1, 1);
        fill = fill == null ? ShiftConfig.Fill.nearest : fill;
        value = value == null ? 0.0 : value;
    }
}
