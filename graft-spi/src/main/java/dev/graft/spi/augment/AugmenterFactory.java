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
     * The kind of examples this augmenter transforms: a modality's {@link
     * dev.graft.spi.data.ExampleFormat} class ({@code ImageFormat.class}, {@code TokenFormat.class}),
     * or {@code ExampleFormat.class}, the default, for any kind (an identity, a chain). The core
     * refuses, when it validates a descriptor, an augmenter whose kind the target data are not.
     *
     * @return the format class the target data's format must be an instance of
     */
    default Class<? extends dev.graft.spi.data.ExampleFormat> reads() {
        return dev.graft.spi.data.ExampleFormat.class;
    }

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
