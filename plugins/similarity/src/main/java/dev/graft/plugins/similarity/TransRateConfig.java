package dev.graft.plugins.similarity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.similarity.SimilarityConfig;

/**
 * Configuration of {@code transrate}.
 *
 * @param eps the distortion of the coding rate (Huang et al.: 1e-4)
 */
public record TransRateConfig(@JsonPropertyDescription("coding-rate distortion epsilon (Huang et al. 1e-4)") Double eps)
        implements SimilarityConfig {
    public TransRateConfig {
        eps = eps == null ? 1e-4 : eps;
        if (!(eps > 0)) {
            throw new InvalidConfigException("eps", "must be positive, got " + eps);
        }
    }
}
