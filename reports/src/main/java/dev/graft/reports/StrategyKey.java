package dev.graft.reports;

/**
 * A transfer strategy at one data size: what the seeds are grouped over.
 *
 * @param backbone backbone label
 * @param head head label
 * @param freeze freeze label
 * @param augment augment label
 * @param samplesPerClass labelled examples per class
 */
public record StrategyKey(String backbone, String head, String freeze, String augment, int samplesPerClass) {
    /** @return the strategy without the data size, e.g. {@code convnet / linear / frozen / none} */
    public String strategy() {
        return backbone + " / " + head + " / " + freeze + " / " + augment;
    }
}
