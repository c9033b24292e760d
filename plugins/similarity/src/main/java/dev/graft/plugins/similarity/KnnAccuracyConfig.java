package dev.graft.plugins.similarity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.similarity.SimilarityConfig;

/**
 * Configuration of {@code knn-accuracy}.
 *
 * @param k neighbours that vote
 */
public record KnnAccuracyConfig(@JsonPropertyDescription("neighbours that vote") Integer k) implements SimilarityConfig {
    public KnnAccuracyConfig {
        k = k == null ? 5 : k;
        if (k < 1) {
            throw new InvalidConfigException("k", "must be at least 1, got " + k);
        }
    }
}
