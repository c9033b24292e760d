package dev.graft.plugins.heads;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.head.HeadConfig;
import java.util.List;

/**
 * Configuration of {@code mlp}.
 *
 * @param batchNorm normalise the features with BatchNorm before the first layer
 * @param hidden sizes of the hidden layers
 * @param dropout dropout rate after each hidden layer
 */
public record MlpHeadConfig(
        @JsonPropertyDescription("BatchNorm on the features first (fastai's heads do)") Boolean batchNorm,
        @JsonPropertyDescription("sizes of the hidden layers (ReLU)") List<Integer> hidden,
        @JsonPropertyDescription("dropout after each hidden layer") Double dropout) implements HeadConfig {
    public MlpHeadConfig {
        batchNorm = batchNorm == null ? Boolean.FALSE : batchNorm;
        hidden = hidden == null ? List.of(256) : List.copyOf(hidden);
        if (hidden.isEmpty()) {
            throw new InvalidConfigException("hidden", "needs at least one layer (use the linear head for none)");
        }
        for (int units : hidden) {
            if (units < 1) {
                throw new InvalidConfigException("hidden", "layer sizes must be positive, got " + units);
            }
        }
        dropout = dropout == null ? 0.5 : dropout;
        HeadChecks.dropout(dropout);
    }
}
