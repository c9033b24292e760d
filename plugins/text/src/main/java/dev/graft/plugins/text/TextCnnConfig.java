package dev.graft.plugins.text;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.backbone.BackboneConfig;
import java.util.List;

/**
 * Configuration of {@code text-cnn}.
 *
 * @param embedding the token vectors' size
 * @param channels output channels of each 1-D convolution block; one layer group per block
 * @param kernelSize tokens each convolution spans (odd)
 */
public record TextCnnConfig(
        @JsonPropertyDescription("size of the token vectors (the embedding layer group)") Integer embedding,
        @JsonPropertyDescription("output channels of each 1-D conv block; each block is one layer group") List<Integer> channels,
        @JsonPropertyDescription("tokens each convolution spans (odd)") Integer kernelSize)
        implements BackboneConfig {

    public TextCnnConfig {
        embedding = embedding == null ? 64 : embedding;
        if (embedding < 1 || embedding > 4096) {
            throw new InvalidConfigException("embedding", "must be 1-4096, got " + embedding);
        }
        channels = channels == null ? List.of(128) : List.copyOf(channels);
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
    }
}
