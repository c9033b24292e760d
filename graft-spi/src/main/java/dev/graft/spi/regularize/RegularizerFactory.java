package dev.graft.spi.regularize;

import dev.graft.spi.PluginFactory;

/**
 * Builds a regulariser.
 *
 * @param <C> the factory's config type
 */
public interface RegularizerFactory<C extends RegularizerConfig> extends PluginFactory<C> {

    /**
     * @param config the resolved config
     * @return a new regulariser, used by one trial
     */
    Regularizer create(C config);
}
