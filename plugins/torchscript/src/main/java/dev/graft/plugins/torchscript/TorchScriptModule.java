package dev.graft.plugins.torchscript;

import dev.graft.spi.GraftModule;

/** Registers the TorchScript and DJL model-zoo backbones. */
public final class TorchScriptModule extends GraftModule {
    @Override
    protected void configure() {
        backbone(TorchScriptFactory.NAME).to(TorchScriptFactory.class);
        backbone(DjlZooFactory.NAME).to(DjlZooFactory.class);
    }
}
