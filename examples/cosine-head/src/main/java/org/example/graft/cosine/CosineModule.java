package org.example.graft.cosine;

import dev.graft.spi.GraftModule;

/** The plugin's one entry point, listed in META-INF/services/dev.graft.spi.GraftModule: bindings only. */
public final class CosineModule extends GraftModule {
    @Override
    protected void configure() {
        head(CosineHeadFactory.NAME).to(CosineHeadFactory.class);
    }
}
