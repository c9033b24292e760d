package dev.graft.cli;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.core.plugin.Plugins;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.PluginFamily;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every installed plugin with its parameters, read from the plugins themselves: the factory's
 * description, each config component's type and {@code @JsonPropertyDescription}, and its default,
 * found by binding a config with the component left out. A component is required when a config
 * cannot be built without it (its constructor names it in an {@link InvalidConfigException});
 * such a component is filled from the factory's {@link PluginFactory#example()} or a placeholder
 * so that the other components still show their defaults. {@code graft plugins} prints it, and
 * {@code docs/plugins.md} is it in Markdown (a test keeps the two the same).
 */
final class PluginCatalogue {
    /**
     * @param name the component's name
     * @param type its Java type, shortened
     * @param required whether a descriptor must give it
     * @param defaultValue its default as JSON, "none" when absent means none, empty when required
     * @param description its description, or empty
     */
    record Parameter(String name, String type, boolean required, String defaultValue, String description) {}

    /**
     * @param family the SPI family
     * @param name the {@code type:} name
     * @param description the factory's description
     * @param parameters its config's components
     */
    record Entry(PluginFamily family, String name, String description, List<Parameter> parameters) {}

    private PluginCatalogue() {}

    /**
     * @param plugins the installed plugins
     * @param filter a family label or a plugin name to keep, or null for all
     * @return the entries, family by family, names sorted
     */
    static List<Entry> of(Plugins plugins, String filter) {
        List<Entry> entries = new ArrayList<>();
        for (PluginFamily family : plugins.registry().families()) {
            for (PluginFactory<?> factory : plugins.registry().factories(family).values()) {
                if (filter == null || filter.equals(family.label()) || filter.equals(factory.name())) {
                    entries.add(new Entry(family, factory.name(), factory.description(), parameters(plugins.mapper(), factory)));
                }
            }
        }
        return entries;
    }

    private static List<Parameter> parameters(ObjectMapper mapper, PluginFactory<?> factory) {
        ObjectNode given = mapper.createObjectNode().put("type", factory.name());
        Set<String> required = new HashSet<>();
        JsonNode defaults = null;
        // each round fills the field the constructor refused, until the config binds
        for (int round = 0; round <= factory.configClass().getRecordComponents().length && defaults == null; round++) {
            try {
                defaults = mapper.valueToTree(mapper.treeToValue(given, factory.configClass()));
            } catch (Exception e) {
                InvalidConfigException invalid = InvalidConfigException.in(e);
                if (invalid == null || required.contains(invalid.field())) {
                    break;
                }
                required.add(invalid.field());
                given.set(invalid.field(), fill(mapper, factory, invalid.field()));
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        for (RecordComponent component : factory.configClass().getRecordComponents()) {
            // the annotation lands on the record's accessor, not on the component
            JsonPropertyDescription description = component.getAccessor().getAnnotation(JsonPropertyDescription.class);
            String name = component.getName();
            JsonNode value = defaults == null ? null : defaults.get(name);
            boolean isRequired = required.contains(name) || (defaults == null);
            parameters.add(new Parameter(name, typeName(component.getGenericType()), isRequired,
                    isRequired ? "" : value == null || value.isNull() ? "none" : value.toString(), description == null ? "" : description.value()));
        }
        return parameters;
    }


    /** A value for a required field: the factory's example's, else a placeholder of the field's type. */
    private static JsonNode fill(ObjectMapper mapper, PluginFactory<?> factory, String field) {
        Map<String, Object> example = factory.example();
        if (example.containsKey(field)) {
            return mapper.valueToTree(example.get(field));
        }
        for (RecordComponent component : factory.configClass().getRecordComponents()) {
            if (component.getName().equals(field)) {
                Class<?> type = component.getType();
                if (type == String.class) {
                    return mapper.getNodeFactory().textNode("x");
                }
                if (Number.class.isAssignableFrom(type)) {
                    return mapper.getNodeFactory().numberNode(1);
                }
                if (type == Boolean.class) {
                    return mapper.getNodeFactory().booleanNode(true);
                }
                if (List.class.isAssignableFrom(type)) {
                    return mapper.createArrayNode().add(placeholderElement(mapper, component.getGenericType()));
                }
            }
        }
        return mapper.getNodeFactory().textNode("x");
    }

    private static JsonNode placeholderElement(ObjectMapper mapper, Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class) {
            return mapper.getNodeFactory().textNode("x");
        }
        return mapper.getNodeFactory().numberNode(1);
    }

    static String typeName(Type type) {
        return type.getTypeName().replace("java.util.", "").replace("java.lang.", "").replaceAll("[a-z.]+\\.([A-Z])", "$1").replaceAll("[A-Za-z]+\\$", "");
    }

    /**
     * @param entries catalogue entries
     * @return the text {@code graft plugins} prints: per family, each plugin and its parameters
     */
    static String text(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        PluginFamily family = null;
        for (Entry entry : entries) {
            if (entry.family() != family) {
                out.append(family == null ? "" : "\n").append(entry.family().label()).append(":\n");
                family = entry.family();
            }
            out.append("  ").append(entry.name()).append(" - ").append(entry.description()).append('\n');
            for (Parameter p : entry.parameters()) {
                out.append("      ").append(p.name()).append(" (").append(p.type()).append(")")
                        .append(p.required() ? ", required" : ", default: " + p.defaultValue())
                        .append(p.description().isEmpty() ? "" : ": " + p.description()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * @param entries catalogue entries
     * @return the catalogue in Markdown: a section per family, a table of its plugins, each
     *     plugin's parameters in its row
     */
    static String markdown(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        PluginFamily family = null;
        for (Entry entry : entries) {
            if (entry.family() != family) {
                out.append(family == null ? "" : "\n").append("### ").append(entry.family().label()).append("\n\n")
                        .append("| name | what it is | parameters |\n|---|---|---|\n");
                family = entry.family();
            }
            List<String> parameters = new ArrayList<>();
            for (Parameter p : entry.parameters()) {
                parameters.add(cell("`" + p.name() + "` (" + p.type() + (p.required() ? ", required" : ", default " + p.defaultValue()) + ")"
                        + (p.description().isEmpty() ? "" : ": " + p.description())));
            }
            out.append("| `").append(entry.name()).append("` | ").append(cell(entry.description())).append(" | ")
                    .append(parameters.isEmpty() ? "–" : String.join("<br>", parameters)).append(" |\n");
        }
        return out.toString();
    }

    /** Text safe in a Markdown table cell: pipes escaped, and angle brackets, which a renderer would take for HTML. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
