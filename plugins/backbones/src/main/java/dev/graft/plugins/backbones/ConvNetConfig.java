package dev.graft.plugins.backbones;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.backbone.BackboneConfig;
import java.util.List;

/**
 * Configuration of {@code convnet}.
 *
 * @param channels output channels of each conv block; one layer group per block
 * @param kernelSize square kernel size of every convolution (odd)
 * @param batchNorm whether each convolution is followed by BatchNorm
 * @param inputMean value subtracted from [0, 1] pixels
 * @param inputStd divisor applied after subtracting the mean
 * @param pooling how the last block's feature map becomes the feature vector: {@code average}
 *     (global average pooling, a vector of the last block's channels for any input size) or
 *     {@code flatten} (a last 2x2 max pooling, then every channel at every position, so the
 *     features keep where in the image a pattern was)
 */
public record ConvNetConfig(
        @JsonPropertyDescription("output channels of each conv block; each block is one layer group") List<Integer> channels,
        @JsonPropertyDescription("square kernel size of every convolution (odd)") Integer kernelSize,
        @JsonPropertyDescription("BatchNorm after every convolution") Boolean batchNorm,
        @JsonPropertyDescription("value subtracted from [0,1] pixels") Double inputMean,
        @JsonPropertyDescription("divisor applied after subtracting the mean") Double inputStd,
        @JsonPropertyDescription("average (global average pooling) or flatten (2x2 max pooling, then every position's channels)") Pooling pooling)
        implements BackboneConfig {

    /** How the last feature map becomes the feature vector. */
    public enum Pooling {
        /** global average pooling: one value per channel */
        average,
        /** 2x2 max pooling, then the whole map flattened: channels x positions */
        flatten
    }

    public ConvNetConfig {
        channels = channels == null ? List.of(32, 64) : List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new InvalidConfigException("channels", "needs at least one block");
        }
        for (int c : channels) {
            if (c < 1 || c > 4096) {
                throw new InvalidConfigException("channels", "each block needs 1-4096 channels, got " + c);
            }
        }
        kernelSize = kernelSize == null ? 3 : kernelSize;
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            throw new InvalidConfigException("kernelSize", "must be a positive odd number, got " + kernelSize);
        }
        batchNorm = batchNorm == null ? Boolean.TRUE : batchNorm;
        inputMean = inputMean == null ? 0.5 : inputMean;
        inputStd = inputStd == null ? 0.5 : inputStd;
        if (!(inputStd > 0)) {
            throw new InvalidConfigException("inputStd", "must be positive, got " + inputStd);
        }
        pooling = pooling == null ? Pooling.average : pooling;
    }
}
