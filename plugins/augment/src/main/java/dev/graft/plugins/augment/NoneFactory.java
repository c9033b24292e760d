package dev.graft.plugins.augment;

import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.augment.AugmenterFactory;

/** No augmentation: batches pass through unchanged. */
public final class NoneFactory implements AugmenterFactory<NoneConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<NoneConfig> configClass() {
        return NoneConfig.class;
    }

    @Override
    public String description() {
        return "no augmentation";
    }

    @Override
    public Augmenter create(NoneConfig config) {
        return (batch, random) -> batch;
    }
}
