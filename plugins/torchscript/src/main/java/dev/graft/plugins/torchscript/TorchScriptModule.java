package dev.graft.plugins.torchscript;

import dev.graft.spi.GraftModule;

/** Registers the TorchScript backbone. */
public final class TorchScriptModule extends GraftModule {
    @Override
    protected void configure() {
        backbone(TorchScriptFactory.NAME).to(TorchScriptFactory.class);
    }
}
