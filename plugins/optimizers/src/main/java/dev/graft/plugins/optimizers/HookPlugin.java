package dev.graft.plugins.optimizers;

import dev.graft.spi.NamedPlugin;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.train.TrainingHookFactory;

/**
 * A plugin of a contributed family: a name, a config class and a description.
 *
 * @param <C> the config type
 */
abstract class HookPlugin<C extends PluginConfig> extends NamedPlugin<C> implements TrainingHookFactory<C> {
    HookPlugin(String name, Class<C> configClass, String description) {
        super(name, configClass, description);
    }
}
