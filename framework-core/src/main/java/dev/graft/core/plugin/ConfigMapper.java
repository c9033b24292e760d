package dev.graft.core.plugin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import dev.graft.spi.PluginFactory;

/**
 * Builds the Jackson mapper every config goes through: plugin configs registered as named
 * subtypes under their factory's name, unknown fields rejected, output canonical (sorted keys)
 * so that the JSON of a resolved config can be hashed into a trial id.
 */
public final class ConfigMapper {
    private ConfigMapper() {}

    /**
     * @param registry the installed plugins
     * @return the mapper
     */
    public static ObjectMapper create(PluginRegistry registry) {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        for (PluginFamily family : PluginFamily.values()) {
            for (PluginFactory<?> factory : registry.factories(family).values()) {
                mapper.registerSubtypes(new NamedType(factory.configClass(), factory.name()));
            }
        }
        return mapper;
    }
}
