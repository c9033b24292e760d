package dev.graft.reports;

import dev.graft.core.stats.DecisionRule;
import dev.graft.core.stats.Interval;
import dev.graft.core.stats.Verdict;

/**
 * A strategy's result over seeds.
 *
 * @param key the strategy and data size
 * @param transferAccuracy test accuracy of the transfer trials
 * @param scratchAccuracy test accuracy of their paired scratch baselines
 * @param decision what the run's rule concludes: the per-seed gain (transfer minus paired
 *     scratch) with its interval (Student-t for a fixed design, the anytime-valid confidence
 *     sequence for a sequential one), its verdict, and the verdict under error control across
 *     strategies
 * @param companion the distribution-free companion: the median gain with its sign-test sequence
 * @param failedTrials trials of this strategy (or their baselines) that failed or scored no number
 * @param seedsTried seeds this strategy ran, failed ones included
 * @param stopReason why its seeds ended there ("decided at 7 seeds", "max (20) reached", "fixed design")
 * @param worth what the strategy is worth in labels of scratch training
 * @param cost what its trials cost: medians over its finished seeds
 */
public record StrategySummary(StrategyKey key, Interval transferAccuracy, Interval scratchAccuracy, DecisionRule.Decision decision,
        DecisionRule.Companion companion, int failedTrials, int seedsTried, String stopReason, LabelsWorth worth, Costs cost) {

    /** @return the gain over seeds with its interval */
    public Interval gain() {
        return decision.interval();
    }

    /** @return what the gain's own interval says */
    public Verdict verdict() {
        return decision.verdict();
    }

    /** @return the same summary shown under another key */
    StrategySummary withKey(StrategyKey other) {
        return new StrategySummary(other, transferAccuracy, scratchAccuracy, decision, companion, failedTrials, seedsTried, stopReason, worth, cost);
    }
}
