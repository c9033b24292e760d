package dev.graft.reports;

/**
 * A strategy's result over seeds.
 *
 * @param key the strategy and data size
 * @param transferAccuracy test accuracy of the transfer trials
 * @param scratchAccuracy test accuracy of their paired scratch baselines
 * @param gain per-seed gain (transfer minus paired scratch), the interval is a paired t-interval
 * @param verdict what the gain's interval says
 * @param failedTrials trials of this strategy (or their baselines) that failed
 */
public record StrategySummary(StrategyKey key, Interval transferAccuracy, Interval scratchAccuracy, Interval gain, Verdict verdict,
        int failedTrials) {}
