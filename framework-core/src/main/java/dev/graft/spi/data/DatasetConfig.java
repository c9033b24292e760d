package dev.graft.spi.data;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;
import java.util.List;

/**
 * Configuration of a dataset. Every dataset can be restricted to a list of its classes; the
 * core keeps only those, in the order given, and relabels them {@code 0..k-1}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface DatasetConfig extends PluginConfig {

    /**
     * @return the original class ids to keep, in order; {@code null} keeps every class
     */
    List<Integer> classes();
}
