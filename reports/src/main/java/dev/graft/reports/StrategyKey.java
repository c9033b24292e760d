package dev.graft.reports;

import dev.graft.core.sweep.TrialLabels;

/**
 * A transfer strategy at one data size: what the seeds are grouped over. Its identity is
 * {@code id}, the spec without the seed; the labels only display it.
 *
 * @param id the strategy id ({@link dev.graft.core.store.TrialRecord#strategyId()})
 * @param labels the backbone's and each axis' label
 * @param samplesPerClass labelled examples per class
 */
public record StrategyKey(String id, TrialLabels labels, int samplesPerClass) {
    /** @return the strategy without the data size, e.g. {@code convnet / linear / frozen / none} */
    public String strategy() {
        return labels.toString();
    }

    /** @return the backbone's label */
    public String backbone() {
        return labels.backbone();
    }

    /**
     * @param axis a strategy axis' name
     * @return the strategy's label on it ({@code none} when it has none)
     */
    public String label(String axis) {
        return labels.of(axis);
    }

    /** @return the same strategy with {@code suffix} appended to its backbone label */
    StrategyKey withBackboneSuffix(String suffix) {
        return new StrategyKey(id, new TrialLabels(labels.backbone() + suffix, labels.axes()), samplesPerClass);
    }
}
