package dev.graft.plugins.keras;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.backbone.BackboneConfig;

/**
 * Configuration of {@code keras-h5}.
 *
 * @param architecture {@code vgg16} or {@code vgg19}, built with the Keras applications' layer names
 * @param path the Keras HDF5 weights file (weights-only or full model), relative to the directory graft runs in
 * @param strict fail on any mismatch between file and architecture (default); false loads what matches and reports the rest
 * @param filterDivisor every layer's filters divided by this (1 for the real weights; the test fixtures use 16)
 * @param inputSize height and width the network sees; smaller images are resized (bilinear) and grayscale replicated to RGB
 */
public record KerasH5Config(
        @JsonPropertyDescription("vgg16 or vgg19 (Keras applications' layer names, include_top=False)") String architecture,
        @JsonPropertyDescription("Keras HDF5 weights file (save_weights or full-model save), relative to the working directory") String path,
        @JsonPropertyDescription("fail on any mismatch (default); false loads what matches and reports the rest") Boolean strict,
        @JsonPropertyDescription("divide every layer's filters by this (1 = the real architecture)") Integer filterDivisor,
        @JsonPropertyDescription("height and width the network sees; images are resized to it (Keras default 224)") Integer inputSize)
        implements BackboneConfig {

    public KerasH5Config {
        architecture = architecture == null ? "vgg16" : architecture;
        if (!Vgg.CONVS_PER_STAGE.containsKey(architecture)) {
            throw new InvalidConfigException("architecture", "must be one of " + Vgg.CONVS_PER_STAGE.keySet() + ", got '" + architecture + "'");
        }
        if (path == null || path.isBlank()) {
            throw new InvalidConfigException("path", "is required: the Keras HDF5 weights file");
        }
        strict = strict == null || strict;
        filterDivisor = filterDivisor == null ? 1 : filterDivisor;
        if (filterDivisor < 1 || 64 % filterDivisor != 0) {
            throw new InvalidConfigException("filterDivisor", "must divide 64 (1, 2, 4, ... 64), got " + filterDivisor);
        }
        inputSize = inputSize == null ? 224 : inputSize;
        if (inputSize < 32 || inputSize > 1024) {
            throw new InvalidConfigException("inputSize", "must be in [32, 1024] (five 2x2 poolings), got " + inputSize);
        }
    }
}
