package dev.graft.plugins.similarity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.similarity.SimilarityConfig;

/**
 * Configuration of {@code rbf-cka}.
 *
 * @param threshold the bandwidth as a fraction of the median distance (Kornblith et al.'s threshold)
 */
public record RbfCkaConfig(@JsonPropertyDescription("bandwidth as a fraction of the median distance (Kornblith et al. 1.0)") Double threshold)
        implements SimilarityConfig {
    public RbfCkaConfig {
        threshold = threshold == null ? 1.0 : threshold;
        if (!(threshold > 0)) {
            throw new InvalidConfigException("threshold", "must be positive, got " + threshold);
        }
    }
}
