package dev.graft.plugins.similarity;

import dev.graft.spi.GraftModule;

/** Registers the built-in similarity and transferability metrics. */
public final class SimilarityModule extends GraftModule {
    @Override
    protected void configure() {
        for (MetricPlugin<?> plugin : Metrics.all()) {
            similarityMetric(plugin.name()).toInstance(plugin);
        }
    }
}
