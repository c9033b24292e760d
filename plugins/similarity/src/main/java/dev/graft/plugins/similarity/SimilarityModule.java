package dev.graft.plugins.similarity;

import dev.graft.spi.GraftModule;

/** Registers the built-in similarity metrics. */
public final class SimilarityModule extends GraftModule {
    @Override
    protected void configure() {
        similarityMetric(MmdFactory.NAME).to(MmdFactory.class);
        similarityMetric(LinearCkaFactory.NAME).to(LinearCkaFactory.class);
    }
}
