package dev.graft.plugins.keras;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.backbone.BackboneConfig;

/**
 * Configuration of {@code keras-h5}.
 *
 * @param architecture {@code vgg16}, {@code vgg19}, {@code resnet50} or {@code mobilenet-v2}, built with the Keras applications' layer names
 * @param path the Keras HDF5 weights file (weights-only or full model), relative to the directory graft runs in
 * @param strict fail on any mismatch between file and architecture (default); false loads what matches and reports the rest
 * @param filterDivisor every layer's filters divided by this (1 for the real weights; the test fixtures use 16); VGG and ResNet50
 * @param inputSize height and width the network sees; smaller images are resized (bilinear) and grayscale replicated to RGB
 * @param alpha MobileNetV2's width multiplier (Keras' {@code alpha}: 0.35, 0.5, 0.75, 1.0, 1.3 or 1.4 for the published weights)
 */
public record KerasH5Config(
        @JsonPropertyDescription("vgg16, vgg19, resnet50 or mobilenet-v2 (Keras applications' layer names, include_top=False)") String architecture,
        @JsonPropertyDescription("Keras HDF5 weights file (save_weights or full-model save), relative to the working directory") String path,
        @JsonPropertyDescription("fail on any mismatch (default); false loads what matches and reports the rest") Boolean strict,
        @JsonPropertyDescription("divide every layer's filters by this (1 = the real architecture; VGG and ResNet50)") Integer filterDivisor,
        @JsonPropertyDescription("height and width the network sees; images are resized to it (Keras default 224)") Integer inputSize,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("MobileNetV2's width multiplier alpha (default 1.0)") Double alpha)
        implements BackboneConfig {

    /** A VGG or ResNet50 config (no width multiplier). */
    public KerasH5Config(String architecture, String path, Boolean strict, Integer filterDivisor, Integer inputSize) {
        this(architecture, path, strict, filterDivisor, inputSize, null);
    }

    public KerasH5Config {
        architecture = architecture == null ? "vgg16" : architecture;
        if (!KerasArchitecture.NAMES.contains(architecture)) {
            throw new InvalidConfigException("architecture", "must be one of " + KerasArchitecture.NAMES + ", got '" + architecture + "'");
        }
        if (path == null || path.isBlank()) {
            throw new InvalidConfigException("path", "is required: the Keras HDF5 weights file");
        }
        strict = strict == null || strict;
        filterDivisor = filterDivisor == null ? 1 : filterDivisor;
        if (filterDivisor < 1 || 64 % filterDivisor != 0) {
            throw new InvalidConfigException("filterDivisor", "must divide 64 (1, 2, 4, ... 64), got " + filterDivisor);
        }
        if (architecture.equals("mobilenet-v2")) {
            if (filterDivisor != 1) {
                throw new InvalidConfigException("filterDivisor", "mobilenet-v2 is narrowed with alpha, as in Keras");
            }
            alpha = alpha == null ? 1.0 : alpha;
            if (!(alpha > 0 && alpha <= 4)) {
                throw new InvalidConfigException("alpha", "must be in (0, 4], got " + alpha);
            }
        } else if (alpha != null) {
            throw new InvalidConfigException("alpha", "is MobileNetV2's width multiplier; " + architecture + " has none (filterDivisor narrows it)");
        }
        inputSize = inputSize == null ? 224 : inputSize;
        if (inputSize < 32 || inputSize > 1024) {
            throw new InvalidConfigException("inputSize", "must be in [32, 1024] (each architecture halves it five times), got " + inputSize);
        }
    }
}
