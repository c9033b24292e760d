package org.example.graft.cosine;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.head.HeadConfig;

/**
 * The head's descriptor fields. Boxed components; null means "use the default"; a check that
 * fails throws InvalidConfigException naming the field, which `graft validate` reports at its line.
 *
 * @param temperature the scale of the cosine scores (required: no default)
 */
public record CosineHeadConfig(
        @JsonPropertyDescription("scale of the cosine scores; 10 to 30 is usual") Double temperature) implements HeadConfig {
    public CosineHeadConfig {
        if (temperature == null) {
            throw new InvalidConfigException("temperature", "is required");
        }
        if (!(temperature > 0)) {
            throw new InvalidConfigException("temperature", "must be positive, got " + temperature);
        }
    }
}
