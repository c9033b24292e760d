package dev.graft.core.plugin;

import com.google.inject.AbstractModule;
import dev.graft.spi.PluginBindings;

/**
 * Declares every family's name map, so that a family no plugin contributes to is an empty map
 * rather than a missing binding.
 */
final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
        PluginBindings.declareAll(binder());
    }
}
