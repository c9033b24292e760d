package dev.graft.plugins.regularizers;

import dev.graft.spi.GraftModule;

/** Registers the built-in fine-tuning regularisers. */
public final class RegularizersModule extends GraftModule {
    @Override
    protected void configure() {
        regularizer(NoneFactory.NAME).to(NoneFactory.class);
        regularizer(L2SpFactory.NAME).to(L2SpFactory.class);
        regularizer(BssFactory.NAME).to(BssFactory.class);
        regularizer(LwfFactory.NAME).to(LwfFactory.class);
    }
}
