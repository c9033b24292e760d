package dev.graft.core.sweep;

import static java.util.Objects.requireNonNull;

import dev.graft.core.descriptor.Axis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short human-readable names of a trial's choices: the plugin's type name, followed by the
 * fields that distinguish it from the other choices on the same axis when the descriptor lists
 * one type twice (e.g. {@code mlp(dropout=0.5)}). An axis absent from the trial reads
 * {@code none}; one a scratch baseline does not have reads {@code -}.
 *
 * @param backbone the backbone choice, e.g. {@code convnet} or {@code digits-0-4}
 * @param axes one label per strategy axis, by axis name, in {@link Axis#STRATEGY} order
 */
public record TrialLabels(String backbone, Map<String, String> axes) {
    public TrialLabels {
        requireNonNull(backbone, "backbone is null");
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Axis axis : Axis.STRATEGY) {
            ordered.put(axis.name(), axes.getOrDefault(axis.name(), "none"));
        }
        axes = java.util.Collections.unmodifiableMap(ordered);
    }

    /**
     * @param backbone the backbone's label
     * @param byAxis one label per strategy axis, in {@link Axis#STRATEGY} order
     * @return the labels
     */
    public static TrialLabels of(String backbone, String... byAxis) {
        if (byAxis.length != Axis.STRATEGY.size()) {
            throw new IllegalArgumentException("one label per strategy axis, got " + byAxis.length);
        }
        Map<String, String> axes = new LinkedHashMap<>();
        for (int i = 0; i < byAxis.length; i++) {
            axes.put(Axis.STRATEGY.get(i).name(), byAxis[i]);
        }
        return new TrialLabels(backbone, axes);
    }

    /**
     * @param axis a strategy axis
     * @return its label in this trial
     */
    public String of(Axis axis) {
        return axes.get(axis.name());
    }

    /**
     * @param axis a strategy axis
     * @return whether this trial has no choice on it ({@code none}, or {@code -} for a baseline)
     */
    public boolean lacks(Axis axis) {
        String label = of(axis);
        return "none".equals(label) || "-".equals(label);
    }

    /**
     * @return the backbone and each axis, joined with {@code " / "}; an axis that is not
     *     {@link Axis#nullWhenAbsent() one of the original four} appears only when the trial has a
     *     choice on it, so labels read as they did before it existed
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(backbone);
        for (Axis axis : Axis.STRATEGY) {
            if (axis.nullWhenAbsent() || !lacks(axis)) {
                parts.add(of(axis));
            }
        }
        return String.join(" / ", parts);
    }
}
