package dev.graft.core.trial;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.data.ClassSelection;
import dev.graft.core.plugin.PluginRegistry;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.spi.data.Examples;
import dev.graft.spi.data.Split;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads each dataset split once per run through its provider and applies the config's class
 * selection. Every trial and pretraining shares the loaded arrays.
 */
public final class DataCatalog {
    private final PluginRegistry registry;
    private final ObjectMapper mapper;
    private final DataContext context;
    private final Map<String, Examples> loaded = new HashMap<>();

    /**
     * @param registry the installed plugins
     * @param mapper the canonical config mapper
     * @param context where providers look for files
     */
    public DataCatalog(PluginRegistry registry, ObjectMapper mapper, DataContext context) {
        this.registry = requireNonNull(registry, "registry is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.context = requireNonNull(context, "context is null");
    }

    /** @return the installed plugins */
    PluginRegistry registry() {
        return registry;
    }

    /** @return the canonical config mapper */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * @param config a dataset config
     * @param split the split
     * @return the split with the config's classes, relabelled in the listed order (or as its relabel says)
     */
    public synchronized Examples load(DatasetConfig config, Split split) {
        String key = split + " " + mapper.valueToTree(config);
        Examples data = loaded.get(key);
        if (data == null) {
            data = ClassSelection.apply(provider(config).load(config, split, context), config.classes(), config.relabel());
            loaded.put(key, data);
        }
        return data;
    }

    /**
     * @param config a dataset config
     * @return what the dataset holds, without loading it
     */
    public DatasetInfo describe(DatasetConfig config) {
        return provider(config).describe(config, context);
    }

    @SuppressWarnings("unchecked")
    private DatasetProvider<DatasetConfig> provider(DatasetConfig config) {
        return (DatasetProvider<DatasetConfig>) registry.<DatasetProvider<?>>factoryFor(PluginFamily.DATASET, config);
    }
}
