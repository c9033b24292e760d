package dev.graft.reports;

import dev.graft.core.stats.Interval;
import dev.graft.core.stats.Verdict;
/**
 * A strategy's result over seeds.
 *
 * @param key the strategy and data size
 * @param transferAccuracy test accuracy of the transfer trials
 * @param scratchAccuracy test accuracy of their paired scratch baselines
 * @param gain per-seed gain (transfer minus paired scratch) with the run's interval (Student-t for a
 *     fixed design, the anytime-valid confidence sequence for a sequential one)
 * @param verdict what the gain's interval says
 * @param failedTrials trials of this strategy (or their baselines) that failed
 * @param seedsTried seeds this strategy ran, failed ones included
 * @param stopReason why its seeds ended there ("decided at 7 seeds", "max (20) reached", "fixed design")
 * @param worth what the strategy is worth in labels of scratch training
 */
public record StrategySummary(StrategyKey key, Interval transferAccuracy, Interval scratchAccuracy, Interval gain, Verdict verdict,
        int failedTrials, int seedsTried, String stopReason, LabelsWorth worth) {

    /** @return the same summary shown under another key */
    StrategySummary withKey(StrategyKey other) {
        return new StrategySummary(other, transferAccuracy, scratchAccuracy, gain, verdict, failedTrials, seedsTried, stopReason, worth);
    }
}
