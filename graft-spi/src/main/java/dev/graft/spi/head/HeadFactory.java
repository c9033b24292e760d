package dev.graft.spi.head;

import dev.graft.spi.PluginFactory;

/**
 * Builds a head for a backbone's features.
 *
 * <p>Called once per trial, after the backbone is built, with the trial's seed set in the
 * engine.
 *
 * @param <C> the factory's config type
 */
public interface HeadFactory<C extends HeadConfig> extends PluginFactory<C> {

    /**
     * @param config the resolved config
     * @param context feature shape and number of classes
     * @return a new head
     */
    Head create(C config, HeadContext context);
}
