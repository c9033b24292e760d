package dev.graft.spi.backbone;

import dev.graft.spi.PluginFactory;

/**
 * Builds a backbone architecture.
 *
 * <p>Called once per trial (and once per pretraining) with the trial's random seed already set
 * in the engine; a factory builds fresh blocks every time and must not share parameters between
 * calls.
 *
 * @param <C> the factory's config type
 */
public interface BackboneFactory<C extends BackboneConfig> extends PluginFactory<C> {

    /**
     * @param config the resolved config
     * @param context the input the data provides
     * @return a new backbone
     */
    Backbone create(C config, BackboneContext context);
}
