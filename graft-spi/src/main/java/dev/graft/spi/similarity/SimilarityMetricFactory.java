package dev.graft.spi.similarity;

import dev.graft.spi.PluginFactory;

/**
 * Builds a similarity metric.
 *
 * @param <C> the factory's config type
 */
public interface SimilarityMetricFactory<C extends SimilarityConfig> extends PluginFactory<C> {

    /**
     * @param config the resolved config
     * @return a new metric
     */
    SimilarityMetric create(C config);
}
