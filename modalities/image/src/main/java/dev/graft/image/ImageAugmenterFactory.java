package dev.graft.image;

import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.data.ExampleFormat;

/**
 * Builds an augmenter of images; the core refuses it, at validation, for data of another kind.
 *
 * @param <C> the factory's config type
 */
public interface ImageAugmenterFactory<C extends AugmentConfig> extends AugmenterFactory<C> {

    @Override
    ImageAugmenter create(C config);

    @Override
    default Class<? extends ExampleFormat> reads() {
        return ImageFormat.class;
    }
}
