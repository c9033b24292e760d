package dev.graft.reports;

import dev.graft.core.sweep.TrialLabels;

/**
 * A transfer strategy at one data size: what the seeds are grouped over. Its identity is
 * {@code id}, the spec without the seed; the labels only display it.
 *
 * @param id the strategy id ({@link dev.graft.core.store.TrialRecord#strategyId()})
 * @param backbone backbone label
 * @param head head label
 * @param freeze freeze label
 * @param augment augment label
 * @param regularizer regulariser label
 * @param samplesPerClass labelled examples per class
 */
public record StrategyKey(String id, String backbone, String head, String freeze, String augment, String regularizer, int samplesPerClass) {
    /** @return the strategy without the data size, e.g. {@code convnet / linear / frozen / none} */
    public String strategy() {
        return new TrialLabels(backbone, head, freeze, augment, regularizer).toString();
    }

    /** @return the same strategy with {@code suffix} appended to its backbone label */
    StrategyKey withBackboneSuffix(String suffix) {
        return new StrategyKey(id, backbone + suffix, head, freeze, augment, regularizer, samplesPerClass);
    }
}
