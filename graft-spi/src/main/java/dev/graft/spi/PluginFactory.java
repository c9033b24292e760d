package dev.graft.spi;

/**
 * Common shape of every plugin factory: a name, a config type and a one-line description.
 *
 * @param <C> the typed configuration this factory accepts
 */
public interface PluginFactory<C extends PluginConfig> {

    /**
     * The {@code type:} name that selects this factory in a descriptor. Must equal the key the
     * plugin's module binds the factory under (use one constant for both); checked at start-up.
     *
     * @return the name, lower-case with dashes
     */
    String name();

    /**
     * The record type a descriptor mapping with this factory's name is bound to.
     *
     * @return the config class
     */
    Class<C> configClass();

    /**
     * One sentence for {@code graft plugins}: what the implementation does and, where it follows
     * a published recipe, which.
     *
     * @return the description
     */
    String description();

    /**
     * A small configuration that exercises this plugin in a short run, as the fields of a
     * descriptor mapping without {@code type}: the combination test trains every registered
     * freeze schedule, head, augmenter and regulariser together with it, two epochs on a tiny
     * network. Override it when a field has no default, or when the defaults would leave part of
     * the plugin unused in two epochs (a schedule that unfreezes after five). Called by tests and
     * tools, never during a run.
     *
     * @return the fields; empty (the default) for every field's default
     */
    default java.util.Map<String, Object> example() {
        return java.util.Map.of();
    }
}
