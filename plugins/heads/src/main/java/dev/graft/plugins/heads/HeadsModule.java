package dev.graft.plugins.heads;

import dev.graft.spi.GraftModule;

/** Registers the built-in heads. */
public final class HeadsModule extends GraftModule {
    @Override
    protected void configure() {
        head(LinearHeadFactory.NAME).to(LinearHeadFactory.class);
        head(MlpHeadFactory.NAME).to(MlpHeadFactory.class);
        head(LogisticHeadFactory.NAME).to(LogisticHeadFactory.class);
    }
}
