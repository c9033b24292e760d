package dev.graft.core.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.spi.ConfigJson;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.PluginFamily;
import java.util.ArrayList;
import java.util.List;

/** The mapper every config goes through ({@link ConfigJson}), for the installed plugins. */
public final class ConfigMapper {
    private ConfigMapper() {}

    /**
     * @param registry the installed plugins
     * @return the mapper
     */
    public static ObjectMapper create(PluginRegistry registry) {
        List<PluginFactory<?>> factories = new ArrayList<>();
        for (PluginFamily family : registry.families()) {
            factories.addAll(registry.factories(family).values());
        }
        return ConfigJson.mapper(factories);
    }
}
