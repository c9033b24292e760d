package dev.graft.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.trial.DataCatalog;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/** What the benchmarks share: the installed plugins, configs from YAML text, the bundled data, printing. */
final class BenchmarkSupport {
    final Plugins plugins = Plugins.discover();

    /** A plugin config of the given family's type from a YAML mapping such as {@code {type: shift, width: 0.1}}. */
    <T extends PluginConfig> T config(String yaml, Class<T> type) {
        try {
            JsonNode node = plugins.mapper().valueToTree((Map<?, ?>) new Yaml().load(yaml));
            return plugins.mapper().treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(yaml + ": " + e.getMessage(), e);
        }
    }

    /** A split of a dataset, found as {@code graft run} finds it (the bundled subsets included). */
    LabeledImages data(String datasetYaml, Split split) {
        Path bundled = Path.of(System.getProperty("graft.bundledData", "experiments/data"));
        DataCatalog catalog = new DataCatalog(plugins.registry(), plugins.mapper(),
                new DataContext(List.of(), Optional.of(bundled), Path.of("")));
        return (LabeledImages) catalog.load(config(datasetYaml, DatasetConfig.class), split);
    }

    /** Prints one figure line, {@code name key=value ...}, and flushes it. */
    static void figure(String name, Object... keysAndValues) {
        StringBuilder line = new StringBuilder(name);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            line.append(' ').append(keysAndValues[i]).append('=')
                    .append(value instanceof Double d ? String.format(Locale.ROOT, "%.3g", d) : String.valueOf(value));
        }
        System.out.println(line);
        System.out.flush();
    }
}
