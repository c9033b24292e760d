package dev.graft.core.sweep;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.Axis;
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
 * @param axes one label per strategy axis, by axis name, in axis order
 */
public record TrialLabels(String backbone, Map<String, String> axes) {
    public TrialLabels {
        requireNonNull(backbone, "backbone is null");
        axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    /**
     * @param backbone the backbone's label
     * @param byAxis one label per built-in axis, in {@link Axis#BUILT_IN} order
     * @return the labels
     */
    public static TrialLabels of(String backbone, String... byAxis) {
        if (byAxis.length != Axis.BUILT_IN.size()) {
            throw new IllegalArgumentException("one label per built-in axis, got " + byAxis.length);
        }
        Map<String, String> axes = new LinkedHashMap<>();
        for (int i = 0; i < byAxis.length; i++) {
            axes.put(Axis.BUILT_IN.get(i).name(), byAxis[i]);
        }
        return new TrialLabels(backbone, axes);
    }

    /**
     * @param axis a strategy axis
     * @return its label in this trial ({@code none} when the trial does not know the axis)
     */
    public String of(Axis axis) {
        return of(axis.name());
    }

    /**
     * @param axis a strategy axis's name
     * @return its label in this trial ({@code none} when the trial does not know the axis)
     */
    public String of(String axis) {
        return axes.getOrDefault(axis, "none");
    }

    /**
     * @param axis a strategy axis
     * @return whether this trial has no choice on it ({@code none}, or {@code -} for a baseline)
     */
    public boolean lacks(Axis axis) {
        return lacks(of(axis));
    }

    /**
     * @param label an axis label
     * @return whether it says the trial has no choice on the axis ({@code none}, or {@code -} for a baseline)
     */
    public static boolean lacks(String label) {
        return "none".equals(label) || "-".equals(label);
    }

    /**
     * @param axis an axis name
     * @return whether labels and report tables show it even when no trial has a choice on it (the
     *     original three built-in axes), rather than only when some trial has
     */
    public static boolean alwaysShown(String axis) {
        return Axis.BUILT_IN.stream().anyMatch(a -> a.name().equals(axis) && a.alwaysLabelled());
    }

    /**
     * @return the backbone and each axis, joined with {@code " / "}; an axis other than {@link
     *     Axis#alwaysLabelled() the original three} appears only when the trial has a choice on
     *     it, so labels read as they did before it existed
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(backbone);
        for (Map.Entry<String, String> axis : axes.entrySet()) {
            if (alwaysShown(axis.getKey()) || !lacks(axis.getValue())) {
                parts.add(axis.getValue());
            }
        }
        return String.join(" / ", parts);
    }
}
