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

    /**
     * Builds the augmenter with a way to build others, for augmenters made of augmenters (a
     * chain). The core calls this one; by default it ignores the resolver.
     *
     * @param config the resolved config
     * @param resolver builds the augmenter of any registered augment config
     * @return a new augmenter
     */
    default Augmenter create(C config, java.util.function.Function<AugmentConfig, Augmenter> resolver) {
        return create(config);
    }
}
