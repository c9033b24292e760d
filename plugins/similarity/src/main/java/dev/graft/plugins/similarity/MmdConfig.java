package dev.graft.plugins.similarity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.similarity.SimilarityConfig;

/**
 * Configuration of {@code mmd}.
 *
 * @param bandwidth the RBF kernel's sigma; absent uses the median heuristic (median pairwise
 *     distance of the pooled sample)
 */
public record MmdConfig(@JsonPropertyDescription("RBF sigma; absent = median pairwise distance of the pooled sample") Double bandwidth)
        implements SimilarityConfig {
    public MmdConfig {
        if (bandwidth != null && !(bandwidth > 0)) {
            throw new InvalidConfigException("bandwidth", "must be positive, got " + bandwidth);
        }
    }
}
