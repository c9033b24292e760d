package dev.graft.core.descriptor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.graft.core.plugin.ClosestName;
import dev.graft.spi.Axis;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.PluginConfig;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The strategy axes. The trials are their product (times sizes and seeds), less the
 * combinations matched by {@code exclude}. Besides {@code backbone} and {@code exclude}, every key
 * is a strategy {@link Axis} by name, listing its choices.
 *
 * @param backbone backbones (architecture plus optional pretraining)
 * @param axes the choices of each strategy axis the descriptor names, by axis name, in axis order;
 *     a required axis is always here, an optional one left out means none
 * @param exclude combinations to skip: each entry maps axis names ({@code backbone}, a strategy
 *     axis, {@code samplesPerClass}) to a type name, a partial config, or a size
 * @param known every strategy axis installed when the descriptor was read (built-in and
 *     contributed), in expansion order
 */
@JsonDeserialize(using = SweepSpec.FromJson.class)
public record SweepSpec(List<BackboneSpec> backbone, Map<String, List<PluginConfig>> axes, List<Map<String, Object>> exclude,
        List<Axis> known) {

    /** The attribute under which the reader hands the installed axes to the mapper. */
    public static final String KNOWN_AXES = "graft.axes";

    /**
     * @param known the installed axes
     * @return names usable in {@code exclude}: the backbone, every strategy axis, and the data size
     */
    public static List<String> excludeKeys(List<Axis> known) {
        return Stream.concat(Stream.concat(Stream.of("backbone"), known.stream().map(Axis::name)), Stream.of("samplesPerClass")).toList();
    }

    /**
     * @param known the installed axes
     * @return the keys a {@code sweep:} mapping may have
     */
    public static List<String> keys(List<Axis> known) {
        return Stream.concat(Stream.concat(Stream.of("backbone"), known.stream().map(Axis::name)), Stream.of("exclude")).toList();
    }

    public SweepSpec {
        known = known == null ? Axis.BUILT_IN : List.copyOf(known);
        List<Axis> installed = known;
        if (backbone == null || backbone.isEmpty()) {
            throw new InvalidConfigException("backbone", "sweep axis 'backbone' must list at least one choice");
        }
        backbone = List.copyOf(backbone);
        axes = axes == null ? Map.of() : axes;
        for (String name : axes.keySet()) {
            if (installed.stream().noneMatch(a -> a.name().equals(name))) {
                throw new InvalidConfigException(name, "unknown sweep axis '" + name + "'." + ClosestName.suggestion(name, keys(installed))
                        + " Keys: " + String.join(", ", keys(installed)));
            }
        }
        Map<String, List<PluginConfig>> ordered = new LinkedHashMap<>();
        for (Axis axis : known) {
            List<PluginConfig> choices = axes.get(axis.name());
            if (axis.required() && (choices == null || choices.isEmpty())) {
                throw new InvalidConfigException(axis.name(), "sweep axis '" + axis.name() + "' must list at least one choice");
            }
            if (choices != null && !choices.isEmpty()) {
                ordered.put(axis.name(), List.copyOf(choices));
            }
        }
        axes = java.util.Collections.unmodifiableMap(ordered);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        for (Map<String, Object> rule : exclude) {
            for (String key : rule.keySet()) {
                if (!excludeKeys(installed).contains(key)) {
                    throw new InvalidConfigException("exclude", "unknown axis '" + key + "'; axes are " + excludeKeys(installed));
                }
            }
        }
    }

    /**
     * @param axis a strategy axis
     * @return the choices the descriptor lists for it, in order; empty for an optional axis left out
     */
    public List<PluginConfig> choices(Axis axis) {
        return axes.getOrDefault(axis.name(), List.of());
    }

    /** Binds a {@code sweep:} mapping: each strategy axis to a list of its family's configs. */
    static final class FromJson extends JsonDeserializer<SweepSpec> {
        @Override
        public SweepSpec deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            @SuppressWarnings("unchecked")
            List<Axis> known = context.getAttribute(KNOWN_AXES) instanceof List<?> list ? (List<Axis>) list : Axis.BUILT_IN;
            TypeFactory types = context.getTypeFactory();
            List<BackboneSpec> backbone = null;
            List<Map<String, Object>> exclude = null;
            Map<String, List<PluginConfig>> axes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.equals("backbone")) {
                    backbone = context.readTreeAsValue(field.getValue(), types.constructCollectionType(List.class, BackboneSpec.class));
                } else if (key.equals("exclude")) {
                    JavaType rule = types.constructMapType(Map.class, String.class, Object.class);
                    exclude = context.readTreeAsValue(field.getValue(), types.constructCollectionType(List.class, rule));
                } else {
                    Axis axis = known.stream().filter(a -> a.name().equals(key)).findFirst()
                            .orElseThrow(() -> new InvalidConfigException(key, "unknown sweep axis '" + key + "'."
                                    + ClosestName.suggestion(key, keys(known)) + " Keys: " + String.join(", ", keys(known))));
                    axes.put(key, context.readTreeAsValue(field.getValue(),
                            types.constructCollectionType(List.class, axis.family().configType())));
                }
            }
            return new SweepSpec(backbone, axes, exclude, known);
        }
    }
}
