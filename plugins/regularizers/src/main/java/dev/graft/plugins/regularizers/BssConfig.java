package dev.graft.plugins.regularizers;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.regularize.RegularizerConfig;

/**
 * Configuration of {@code bss}.
 *
 * @param k how many of the smallest singular values of the batch feature matrix are penalised
 * @param weight the penalty's weight (Chen et al.: eta)
 */
public record BssConfig(
        @JsonPropertyDescription("number of smallest singular values of the batch feature matrix penalised") Integer k,
        @JsonPropertyDescription("weight of the sum of their squares (Chen et al.: eta)") Double weight)
        implements RegularizerConfig {
    public BssConfig {
        k = k == null ? 1 : k;
        if (k < 1) {
            throw new InvalidConfigException("k", "must be at least 1, got " + k);
        }
        weight = Weights.nonNegative("weight", weight, 0.001);
    }
}
