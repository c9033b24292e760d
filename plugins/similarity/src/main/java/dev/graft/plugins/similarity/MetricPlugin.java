package dev.graft.plugins.similarity;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.NamedPlugin;
import dev.graft.spi.similarity.SimilarityConfig;
import dev.graft.spi.similarity.SimilarityMetric;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import java.util.function.Function;

/**
 * A similarity plugin assembled from its name, config type, description and metric; the module
 * binds one instance per metric.
 *
 * @param <C> the config type
 */
final class MetricPlugin<C extends SimilarityConfig> extends NamedPlugin<C> implements SimilarityMetricFactory<C> {
    private final Function<C, SimilarityMetric> create;

    MetricPlugin(String name, Class<C> configClass, String description, Function<C, SimilarityMetric> create) {
        super(name, configClass, description);
        this.create = requireNonNull(create);
    }

    @Override
    public SimilarityMetric create(C config) {
        return create.apply(config);
    }
}
