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
 */
public record Plugins(PluginRegistry registry, ObjectMapper mapper, List<String> modules) {

    /**
     * Finds every {@link GraftModule} on the class path with {@link ServiceLoader}.
     *
     * @return the installed plugins
     */
    public static Plugins discover() {
        List<Module> modules = new ArrayList<>();
        ServiceLoader.load(GraftModule.class).forEach(modules::add);
        return of(modules);
    }

    /**
     * @param modules the plugin modules to install
     * @return the installed plugins
     */
    public static Plugins of(List<? extends Module> modules) {
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
        return new Plugins(registry, ConfigMapper.create(registry),
                modules.stream().map(m -> m.getClass().getName()).sorted().toList());
    }
}
