package dev.graft.spi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.Collection;

/**
 * The one Jackson mapper every plugin config goes through, in Graft and in a plugin's own tests:
 * configs registered as named subtypes under their factory's name, unknown fields rejected, output
 * canonical (sorted keys) so that the JSON of a resolved config can be hashed into a trial id.
 */
public final class ConfigJson {
    private ConfigJson() {}

    /**
     * @param factories the factories whose configs it binds
     * @return the mapper
     */
    public static ObjectMapper mapper(Collection<? extends PluginFactory<?>> factories) {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        for (PluginFactory<?> factory : factories) {
            mapper.registerSubtypes(new NamedType(factory.configClass(), factory.name()));
        }
        return mapper;
    }
}
