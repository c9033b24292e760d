package dev.graft.plugins.keras;

import dev.graft.spi.GraftModule;

/** Registers the Keras HDF5 backbones. */
public final class KerasModule extends GraftModule {
    @Override
    protected void configure() {
        backbone(KerasH5Factory.NAME).to(KerasH5Factory.class);
    }
}
