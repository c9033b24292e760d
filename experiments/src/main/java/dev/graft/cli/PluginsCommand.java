package dev.graft.cli;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.plugin.PluginFamily;
import dev.graft.core.plugin.Plugins;
import dev.graft.spi.PluginFactory;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code graft plugins}: every registered name per family, with parameters and defaults. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every registered plugin per SPI family with its parameters, their types and defaults.")
final class PluginsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plugins plugins = Plugins.discover();
        ObjectMapper mapper = plugins.mapper();
        for (PluginFamily family : PluginFamily.values()) {
            out.println(family.label() + ":");
            if (plugins.registry().factories(family).isEmpty()) {
                out.println("  (none installed)");
            }
            for (PluginFactory<?> factory : plugins.registry().factories(family).values()) {
                out.println("  " + factory.name() + " - " + factory.description());
                JsonNode defaults = defaults(mapper, factory);
                for (RecordComponent component : factory.configClass().getRecordComponents()) {
                    // the annotation lands on the record's accessor, not on the component
                    JsonPropertyDescription description = component.getAccessor().getAnnotation(JsonPropertyDescription.class);
                    JsonNode value = defaults == null ? null : defaults.get(component.getName());
                    out.println("      " + component.getName() + " (" + typeName(component.getGenericType()) + ")"
                            + (value == null ? ", required" : value.isNull() ? ", default: none" : ", default: " + value)
                            + (description == null ? "" : ": " + description.value()));
                }
            }
            out.println();
        }
        out.println("installed plugin modules: " + String.join(", ", plugins.modules()));
        out.flush();
        return 0;
    }

    private static JsonNode defaults(ObjectMapper mapper, PluginFactory<?> factory) {
        try {
            return mapper.valueToTree(mapper.treeToValue(mapper.createObjectNode().put("type", factory.name()), factory.configClass()));
        } catch (Exception e) {
            return null;
        }
    }

    private static String typeName(Type type) {
        return type.getTypeName().replace("java.util.", "").replace("java.lang.", "").replaceAll("[a-z.]+\\.([A-Z])", "$1").replaceAll("[A-Za-z]+\\$", "");
    }
}
