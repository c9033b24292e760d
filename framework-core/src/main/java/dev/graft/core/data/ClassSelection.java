package dev.graft.core.data;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the listed classes of a dataset, in the listed order, relabelled {@code 0..k-1}; or
 * relabels it, merging named groups of classes into new classes.
 */
public final class ClassSelection {
    private ClassSelection() {}

    /**
     * @param data a dataset
     * @param classes original class ids to keep, or null for all
     * @return the selected examples, in their original order
     */
    public static Examples apply(Examples data, List<Integer> classes) {
        return apply(data, classes, null);
    }

    /**
     * @param data a dataset
     * @param classes original class ids to keep, or null for all
     * @param relabel new class name to the original class ids it gathers (in the new classes'
     *     order), or null; when given, {@code classes} is ignored and classes in no group are
     *     left out
     * @return the selected examples, in their original order
     */
    public static Examples apply(Examples data, List<Integer> classes, Map<String, List<Integer>> relabel) {
        if (classes == null && relabel == null) {
            return data;
        }
        int[] newLabel = new int[data.numClasses()];
        java.util.Arrays.fill(newLabel, -1);
        List<String> names = new ArrayList<>();
        // (new class name, original ids): the relabelling's groups, or each listed class alone
        List<Map.Entry<String, List<Integer>>> groups = new ArrayList<>();
        if (relabel != null) {
            groups.addAll(relabel.entrySet());
        } else {
            for (int c : classes) {
                groups.add(Map.entry(c >= 0 && c < data.numClasses() ? data.classNames().get(c) : "", List.of(c)));
            }
        }
        for (Map.Entry<String, List<Integer>> group : groups) {
            for (int c : group.getValue()) {
                if (c < 0 || c >= data.numClasses()) {
                    throw new GraftException("class " + c + " is not in " + data.origin() + " (classes 0-" + (data.numClasses() - 1) + ")");
                }
                if (newLabel[c] >= 0) {
                    throw new GraftException("class " + c + " is listed twice");
                }
                newLabel[c] = names.size();
            }
            names.add(group.getKey());
        }
        int count = 0;
        for (int label : data.labels()) {
            if (newLabel[label] >= 0) {
                count++;
            }
        }
        int[] kept = new int[count];
        int[] labels = new int[count];
        for (int i = 0, j = 0; i < data.size(); i++) {
            int label = newLabel[data.labels()[i]];
            if (label >= 0) {
                kept[j] = i;
                labels[j++] = label;
            }
        }
        String origin = data.origin() + (relabel != null ? " relabelled " + relabel : " classes " + classes);
        return data.select(kept, origin).withLabels(labels, names, data.checksum(), origin);
    }
}
