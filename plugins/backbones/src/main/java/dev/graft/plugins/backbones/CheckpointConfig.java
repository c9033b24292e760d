package dev.graft.plugins.backbones;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.backbone.BackboneConfig;

/**
 * Configuration of {@code checkpoint}.
 *
 * @param path a Graft checkpoint directory ({@code backbone.params} and {@code meta.json}), such as
 *     a pretrained backbone in {@code $GRAFT_HOME/cache/backbones/<key>}; relative to the directory graft runs in
 */
public record CheckpointConfig(
        @JsonPropertyDescription("a Graft checkpoint directory (backbone.params + meta.json), e.g. $GRAFT_HOME/cache/backbones/<key>")
        String path) implements BackboneConfig {
    public CheckpointConfig {
        if (path == null || path.isBlank()) {
            throw new InvalidConfigException("path", "is required: a checkpoint directory");
        }
    }
}
