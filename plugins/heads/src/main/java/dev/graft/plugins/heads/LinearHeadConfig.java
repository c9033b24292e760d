package dev.graft.plugins.heads;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.head.HeadConfig;

/**
 * Configuration of {@code linear}.
 *
 * @param batchNorm normalise the features with BatchNorm before the linear layer (an affine map,
 *     so the head stays linear in the features)
 * @param dropout dropout rate applied to the features before the linear layer
 */
public record LinearHeadConfig(
        @JsonPropertyDescription("BatchNorm on the features first (fastai's heads do; still linear in the features)") Boolean batchNorm,
        @JsonPropertyDescription("dropout on the features before the linear layer") Double dropout)
        implements HeadConfig {
    public LinearHeadConfig {
        batchNorm = batchNorm == null ? Boolean.FALSE : batchNorm;
        dropout = dropout == null ? 0.0 : dropout;
        HeadChecks.dropout(dropout);
    }
}
