package dev.graft.spi.data;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;
import java.util.List;
import java.util.Map;

/**
 * Configuration of a dataset. Every dataset can be restricted to a list of its classes; the
 * core keeps only those, in the order given, and relabels them {@code 0..k-1}. A dataset may
 * instead be relabelled: named groups of its classes become the new classes (merging classes,
 * e.g. sandals, sneakers and ankle boots into "footwear"); classes in no group are left out.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface DatasetConfig extends PluginConfig {

    /**
     * @return the original class ids to keep, in order; {@code null} keeps every class
     */
    List<Integer> classes();

    /**
     * @return new class name to the original class ids it gathers, in the new classes' order;
     *     {@code null} (the default) keeps the classes as {@link #classes()} says
     */
    default Map<String, List<Integer>> relabel() {
        return null;
    }

    /**
     * Checks a relabelling as far as it can be checked without the data (for config records'
     * constructors): at least two groups, each named and non-empty, no class in two groups, and
     * not combined with {@code classes}.
     *
     * @param classes the config's class list, or null
     * @param relabel the config's relabelling, or null
     * @return an unmodifiable copy of {@code relabel} in its order, or null
     * @throws dev.graft.spi.InvalidConfigException naming the field at fault
     */
    static Map<String, List<Integer>> checkRelabel(List<Integer> classes, Map<String, List<Integer>> relabel) {
        if (relabel == null) {
            return null;
        }
        if (classes != null) {
            throw new dev.graft.spi.InvalidConfigException("relabel", "selects the classes itself; leave out classes");
        }
        if (relabel.size() < 2) {
            throw new dev.graft.spi.InvalidConfigException("relabel", "needs at least 2 new classes, got " + relabel.size());
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        Map<String, List<Integer>> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> group : relabel.entrySet()) {
            if (group.getKey() == null || group.getKey().isBlank() || group.getValue() == null || group.getValue().isEmpty()) {
                throw new dev.graft.spi.InvalidConfigException("relabel", "every new class needs a name and at least one class id");
            }
            for (Integer id : group.getValue()) {
                if (id == null || id < 0) {
                    throw new dev.graft.spi.InvalidConfigException("relabel." + group.getKey(), "class ids are non-negative, got " + id);
                }
                if (!seen.add(id)) {
                    throw new dev.graft.spi.InvalidConfigException("relabel." + group.getKey(), "class " + id + " is in two new classes");
                }
            }
            copy.put(group.getKey(), List.copyOf(group.getValue()));
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
