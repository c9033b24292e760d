package dev.graft.plugins.similarity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.similarity.SimilarityConfig;

/**
 * Configuration of {@code proxy-a-distance}.
 *
 * @param l2 L2 penalty of the domain classifier's weights
 * @param iterations full-batch gradient steps
 * @param learningRate gradient step size
 */
public record ProxyADistanceConfig(
        @JsonPropertyDescription("L2 penalty on the domain classifier's weights") Double l2,
        @JsonPropertyDescription("full-batch gradient-descent steps of the domain classifier") Integer iterations,
        @JsonPropertyDescription("gradient step size") Double learningRate) implements SimilarityConfig {
    public ProxyADistanceConfig {
        l2 = l2 == null ? 1e-3 : l2;
        if (!(l2 >= 0)) {
            throw new InvalidConfigException("l2", "must be >= 0, got " + l2);
        }
        iterations = iterations == null ? 300 : iterations;
        if (iterations < 1) {
            throw new InvalidConfigException("iterations", "must be at least 1, got " + iterations);
        }
        learningRate = learningRate == null ? 0.5 : learningRate;
        if (!(learningRate > 0)) {
            throw new InvalidConfigException("learningRate", "must be positive, got " + learningRate);
        }
    }
}
