package dev.graft.plugins.backbones;

import dev.graft.spi.GraftModule;

/** Registers the built-in backbone architectures. */
public final class BackbonesModule extends GraftModule {
    @Override
    protected void configure() {
        backbone(ConvNetFactory.NAME).to(ConvNetFactory.class);
        backbone(CheckpointFactory.NAME).to(CheckpointFactory.class);
    }
}
