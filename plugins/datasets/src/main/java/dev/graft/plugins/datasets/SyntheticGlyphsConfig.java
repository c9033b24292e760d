package dev.graft.plugins.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.data.DatasetConfig;
import java.util.List;
import java.util.Map;

/**
 * Configuration of {@code synthetic-glyphs}.
 *
 * @param relabel new class name to the original class ids it gathers, or null (instead of {@code classes})
 * @param classes glyph indices to keep, in order; absent for all
 * @param glyphs the characters, one class each: {@code digits} (0-9), {@code letters} (A-Z), or the characters themselves
 * @param size image height and width
 * @param trainPerClass training images per class
 * @param testPerClass test images per class
 * @param fonts font families to draw with; absent = every installed family that can display all glyphs
 * @param maxRotation largest rotation, degrees either way
 * @param maxShear largest horizontal shear, either way
 * @param minScale smallest glyph size as a fraction of the largest
 * @param noise standard deviation of Gaussian pixel noise, in [0, 1] units
 * @param seed the seed of every random choice
 */
public record SyntheticGlyphsConfig(
        @JsonPropertyDescription("glyph indices to keep, in order; absent = all") List<Integer> classes,
        @JsonPropertyDescription("digits (0-9), letters (A-Z), or the characters themselves, one class each") String glyphs,
        @JsonPropertyDescription("image height and width") Integer size,
        @JsonPropertyDescription("training images per class") Integer trainPerClass,
        @JsonPropertyDescription("test images per class") Integer testPerClass,
        @JsonPropertyDescription("font families; absent = every installed family that displays all glyphs") List<String> fonts,
        @JsonPropertyDescription("largest rotation in degrees, either way") Double maxRotation,
        @JsonPropertyDescription("largest horizontal shear, either way") Double maxShear,
        @JsonPropertyDescription("smallest glyph size as a fraction of the largest") Double minScale,
        @JsonPropertyDescription("standard deviation of Gaussian pixel noise") Double noise,
        @JsonPropertyDescription("seed of every random choice") Long seed,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("new class name -> original class ids it gathers (merges classes; others are left out); instead of classes")
        Map<String, List<Integer>> relabel) implements DatasetConfig {

    public SyntheticGlyphsConfig {
        classes = classes == null ? null : List.copyOf(classes);
        relabel = DatasetConfig.checkRelabel(classes, relabel);
        glyphs = glyphs == null ? "digits" : glyphs;
        if (glyphs.isEmpty()) {
            throw new InvalidConfigException("glyphs", "needs at least one character");
        }
        size = size == null ? 28 : size;
        if (size < 8 || size > 512) {
            throw new InvalidConfigException("size", "must be in [8, 512], got " + size);
        }
        trainPerClass = trainPerClass == null ? 500 : trainPerClass;
        testPerClass = testPerClass == null ? 100 : testPerClass;
        if (trainPerClass < 1 || testPerClass < 1) {
            throw new InvalidConfigException(trainPerClass < 1 ? "trainPerClass" : "testPerClass", "must be at least 1");
        }
        fonts = fonts == null ? null : List.copyOf(fonts);
        maxRotation = maxRotation == null ? 15.0 : maxRotation;
        maxShear = maxShear == null ? 0.3 : maxShear;
        minScale = minScale == null ? 0.7 : minScale;
        if (!(minScale > 0 && minScale <= 1)) {
            throw new InvalidConfigException("minScale", "must be in (0, 1], got " + minScale);
        }
        noise = noise == null ? 0.05 : noise;
        if (!(noise >= 0 && noise < 1) || !(maxRotation >= 0) || !(maxShear >= 0)) {
            throw new InvalidConfigException("noise", "noise must be in [0, 1), maxRotation and maxShear >= 0");
        }
        seed = seed == null ? 0L : seed;
    }

    /** @return the characters, one per class */
    public String characters() {
        return switch (glyphs) {
            case "digits" -> "0123456789";
            case "letters" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            default -> glyphs;
        };
    }
}
