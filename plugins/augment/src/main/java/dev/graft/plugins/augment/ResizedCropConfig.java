package dev.graft.plugins.augment;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code random-resized-crop} (torchvision's RandomResizedCrop).
 *
 * @param minArea smallest crop area, as a fraction of the image
 * @param minRatio smallest aspect ratio (width / height)
 * @param maxRatio largest aspect ratio
 */
public record ResizedCropConfig(
        @JsonPropertyDescription("smallest crop area as a fraction of the image (torchvision scale[0])") Double minArea,
        @JsonPropertyDescription("smallest aspect ratio width/height (torchvision ratio[0])") Double minRatio,
        @JsonPropertyDescription("largest aspect ratio (torchvision ratio[1])") Double maxRatio) implements AugmentConfig {
    public ResizedCropConfig {
        minArea = minArea == null ? 0.5 : minArea;
        if (!(minArea > 0 && minArea <= 1)) {
            throw new InvalidConfigException("minArea", "must be in (0, 1], got " + minArea);
        }
        minRatio = minRatio == null ? 3.0 / 4 : minRatio;
        maxRatio = maxRatio == null ? 4.0 / 3 : maxRatio;
        if (!(minRatio > 0 && maxRatio >= minRatio)) {
            throw new InvalidConfigException("maxRatio", "needs 0 < minRatio <= maxRatio, got [" + minRatio + ", " + maxRatio + "]");
        }
    }
}
