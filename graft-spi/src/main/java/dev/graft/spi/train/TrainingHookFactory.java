package dev.graft.spi.train;

import dev.graft.spi.PluginConfig;
import dev.graft.spi.PluginFactory;

/**
 * The factory of a contributed family's plugins: it makes a {@link TrainingHook}, which Graft's
 * training loop calls without knowing the family. Called once per trial that has the plugin's
 * config on its axis, before training starts.
 *
 * @param <C> the config type
 */
public interface TrainingHookFactory<C extends PluginConfig> extends PluginFactory<C> {
    /**
     * @param config the resolved config
     * @return the hook for one trial
     */
    TrainingHook create(C config);
}
