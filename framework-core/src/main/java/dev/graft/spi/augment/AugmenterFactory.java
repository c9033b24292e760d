package dev.graft.spi.augment;

import dev.graft.spi.PluginFactory;

/**
 * Builds an augmenter.
 *
 * @param <C> the factory's config type
 */
public interface AugmenterFactory<C extends AugmentConfig> extends PluginFactory<C> {

    /**
     * @param config the resolved config
     * @return a new augmenter
     */
    Augmenter create(C config);
}
