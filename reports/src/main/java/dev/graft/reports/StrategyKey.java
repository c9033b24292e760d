package dev.graft.reports;

import dev.graft.core.sweep.TrialLabels;

/**
 * A transfer strategy at one data size: what the seeds are grouped over.
 *
 * @param backbone backbone label
 * @param head head label
 * @param freeze freeze label
 * @param augment augment label
 * @param regularizer regulariser label
 * @param samplesPerClass labelled examples per class
 */
public record StrategyKey(String backbone, String head, String freeze, String augment, String regularizer, int samplesPerClass) {
    /** @return the strategy without the data size, e.g. {@code convnet / linear / frozen / none} */
    public String strategy() {
        return new TrialLabels(backbone, head, freeze, augment, regularizer).toString();
    }
}
