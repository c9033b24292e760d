package dev.graft.plugins.regularizers;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.regularize.RegularizerConfig;

/**
 * Configuration of {@code l2-sp}.
 *
 * @param alpha weight of the squared distance of transferred parameters from their pretrained values
 * @param beta weight of the squared norm of the parameters that start from random values (head,
 *     re-initialised groups)
 */
public record L2SpConfig(
        @JsonPropertyDescription("weight of ||w - w_pretrained||^2 / 2 over the transferred parameters (Li et al.: alpha)") Double alpha,
        @JsonPropertyDescription("weight of ||w||^2 / 2 over the head and re-initialised groups (Li et al.: beta)") Double beta)
        implements RegularizerConfig {
    public L2SpConfig {
        alpha = Weights.nonNegative("alpha", alpha, 0.01);
        beta = Weights.nonNegative("beta", beta, 0.01);
    }
}
