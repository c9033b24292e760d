package dev.graft.spi;

import static java.util.Objects.requireNonNull;

/**
 * A base for plugin factories that hold their name, config class and description as values, for
 * modules that register many plugins of one shape (metrics, geometric augmenters, optimisers).
 * Implementing {@link PluginFactory} directly is just as good.
 *
 * @param <C> the config type
 */
public abstract class NamedPlugin<C extends PluginConfig> implements PluginFactory<C> {
    private final String name;
    private final Class<C> configClass;
    private final String description;

    /**
     * @param name the {@code type:} name, equal to the binding key
     * @param configClass the config record
     * @param description one sentence for {@code graft plugins}
     */
    protected NamedPlugin(String name, Class<C> configClass, String description) {
        this.name = requireNonNull(name, "name");
        this.configClass = requireNonNull(configClass, "configClass");
        this.description = requireNonNull(description, "description");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<C> configClass() {
        return configClass;
    }

    @Override
    public final String description() {
        return description;
    }
}
