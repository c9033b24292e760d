package dev.graft.core.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import dev.graft.spi.GraftModule;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The installed plugins: the registry and the config mapper that knows their {@code type:}
 * names. This is the one place that creates a Guice injector.
 *
 * @param registry the factories by family and name
 * @param mapper a Jackson mapper with every plugin config registered as a named subtype
 * @param modules the plugin modules that were installed, for provenance
 * @param path the plugin jars from outside Graft's class path the modules were found in
 */
public record Plugins(PluginRegistry registry, ObjectMapper mapper, List<String> modules, PluginPath path) {

    /**
     * Finds every {@link GraftModule} on Graft's class path with {@link ServiceLoader}.
     *
     * @return the installed plugins
     */
    public static Plugins discover() {
        return discover(PluginPath.NONE);
    }

    /**
     * Finds every {@link GraftModule} on Graft's class path and in the plugin path's jars.
     *
     * @param path plugin jars from outside Graft's class path
     * @return the installed plugins
     * @throws PluginRegistryException if a jar's module cannot be loaded, or names clash
     */
    public static Plugins discover(PluginPath path) {
        List<Module> modules = new ArrayList<>();
        try {
            ServiceLoader.load(GraftModule.class, path.classLoader()).forEach(modules::add);
        } catch (java.util.ServiceConfigurationError e) {
            throw new PluginRegistryException("a plugin module in " + path.describe() + " cannot be loaded: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
        }
        return of(modules, path);
    }

    /**
     * @param modules the plugin modules to install
     * @return the installed plugins
     */
    public static Plugins of(List<? extends Module> modules) {
        return of(modules, PluginPath.NONE);
    }

    /**
     * @param modules the plugin modules to install
     * @param path where the modules from outside Graft's class path came from
     * @return the installed plugins
     */
    public static Plugins of(List<? extends Module> modules, PluginPath path) {
        List<Module> all = new ArrayList<>(modules);
        all.add(new CoreModule());
        PluginRegistry registry;
        try {
            Injector injector = Guice.createInjector(Stage.PRODUCTION, all);
            registry = injector.getInstance(PluginRegistry.class);
        } catch (CreationException e) {
            for (Message message : e.getErrorMessages()) {
                if (message.getCause() instanceof PluginRegistryException registryError) {
                    throw registryError;
                }
            }
            throw new PluginRegistryException("plugins could not be installed: "
                    + e.getErrorMessages().stream().map(Message::getMessage).collect(Collectors.joining("; ")));
        } catch (com.google.inject.ProvisionException e) {
            if (e.getCause() instanceof PluginRegistryException registryError) {
                throw registryError;
            }
            throw e;
        }
        registry.loadedFrom(path.describe());
        return new Plugins(registry, ConfigMapper.create(registry),
                modules.stream().map(m -> m.getClass().getName()).sorted().toList(), path);
    }

    /**
     * @param module a module's class name, from {@link #modules()}
     * @return where its classes were loaded from
     * @throws IllegalArgumentException if no such module is installed
     */
    public PluginOrigin origin(String module) {
        if (!modules.contains(module)) {
            throw new IllegalArgumentException("no plugin module " + module);
        }
        try {
            return PluginOrigin.of(Class.forName(module, false, path.classLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("plugin module " + module + " is not in this process's plugins", e);
        }
    }
}
