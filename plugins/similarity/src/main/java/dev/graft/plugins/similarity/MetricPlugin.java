package dev.graft.plugins.similarity;

import static java.util.Objects.requireNonNull;

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
final class MetricPlugin<C extends SimilarityConfig> implements SimilarityMetricFactory<C> {
    private final String name;
    private final Class<C> configClass;
    private final String description;
    private final Function<C, SimilarityMetric> create;

    MetricPlugin(String name, Class<C> configClass, String description, Function<C, SimilarityMetric> create) {
        this.name = requireNonNull(name);
        this.configClass = requireNonNull(configClass);
        this.description = requireNonNull(description);
        this.create = requireNonNull(create);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<C> configClass() {
        return configClass;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public SimilarityMetric create(C config) {
        return create.apply(config);
    }
}
