package dev.graft.reports;

import dev.graft.core.stats.Interval;
import dev.graft.core.stats.Skewness;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a run's gains are far from the Gaussian shape its intervals assume, said by seed, with the
 * direction in which that misleads: a trial that collapsed (scored far below the other seeds of
 * the same configuration) and strongly skewed gains. A collapsed scratch baseline gives the gains
 * paired with it an upward outlier; gains with such a right tail make the Gaussian interval err
 * toward <em>negative</em> verdicts (in the seeds that did not collapse, transfer looks slightly
 * and consistently worse). A collapsed transfer trial does the opposite.
 */
final class ShapeWarnings {
    /** A trial is "far below" when it is more than this many robust spreads below its siblings' median ... */
    static final double SPREADS = 5;
    /** ... and more than this far below in accuracy. */
    static final double ACCURACY = 0.05;
    /** Siblings (seeds of one configuration) needed before one of them can be called far below the others. */
    static final int SIBLINGS = 4;

    private ShapeWarnings() {}

    /**
     * @param analysis a run's analysis
     * @return one sentence per kind of problem, none when the gains look as the intervals assume
     */
    static List<String> of(TransferAnalysis analysis) {
        List<String> warnings = new ArrayList<>();
        Map<String, List<TrialRecord>> siblings = new LinkedHashMap<>();
        for (TrialRecord t : analysis.trials()) {
            if (t.status() == TrialStatus.finished && Double.isFinite(t.testAccuracy())) {
                siblings.computeIfAbsent(t.strategyId(), k -> new ArrayList<>()).add(t);
            }
        }
        List<String> scratch = new ArrayList<>();
        List<String> transfer = new ArrayList<>();
        // the strategies whose gains a far-low trial enters: a baseline's paired transfer trials, or the transfer trial's own
        java.util.Set<String> scratchConcerns = new java.util.LinkedHashSet<>();
        java.util.Set<String> transferConcerns = new java.util.LinkedHashSet<>();
        for (List<TrialRecord> group : siblings.values()) {
            if (group.size() < SIBLINGS) {
                continue;
            }
            double[] accuracies = group.stream().mapToDouble(TrialRecord::testAccuracy).toArray();
            double median = Interval.median(accuracies);
            double mad = 1.4826 * Interval.median(Arrays.stream(accuracies).map(a -> Math.abs(a - median)).toArray());
            for (TrialRecord t : group) {
                if (t.testAccuracy() < median - Math.max(SPREADS * mad, ACCURACY)) {
                    String where = String.format(Locale.ROOT, "%s at %d/class, seed %d: %.3f against a median of %.3f", t.strategy(),
                            t.samplesPerClass(), t.seed(), t.testAccuracy(), median);
                    if (t.kind().equals("scratch")) {
                        scratch.add(where);
                        analysis.trials().stream().filter(x -> t.trialId().equals(x.baselineId())).forEach(x -> scratchConcerns.add(x.strategyId()));
                    } else {
                        transfer.add(where);
                        transferConcerns.add(t.strategyId());
                    }
                }
            }
        }
        if (!scratch.isEmpty()) {
            warnings.add(scratch.size() + (scratch.size() == 1 ? " scratch baseline" : " scratch baselines") + " scored far below the "
                    + "other seeds of the same configuration (" + list(scratch) + "): the gains paired with " + (scratch.size() == 1 ? "it" : "them")
                    + " are outliers upward. Where baselines collapse now and then, gains have a long right tail, and on such gains the "
                    + "Gaussian interval errs toward negative verdicts (a strategy whose seeds miss the collapses looks consistently a "
                    + "little worse than scratch). The strategies paired with " + (scratch.size() == 1 ? "it" : "them") + ": "
                    + concerned(analysis, scratchConcerns) + ". Compare the sign-test column before quoting them (docs/statistics.md).");
        }
        if (!transfer.isEmpty()) {
            warnings.add(transfer.size() + (transfer.size() == 1 ? " transfer trial" : " transfer trials") + " scored far below the other "
                    + "seeds of the same strategy (" + list(transfer) + "). Where transfer collapses now and then, gains have a long left "
                    + "tail, and on such gains the Gaussian interval errs toward positive verdicts. The strategies concerned: "
                    + concerned(analysis, transferConcerns) + ". Compare the sign-test column before quoting them (docs/statistics.md).");
        }
        List<String> skewed = new ArrayList<>();
        for (StrategySummary s : analysis.summaries()) {
            double[] gains = analysis.seedGains().get(s.key().id()).stream().mapToDouble(Double::doubleValue).toArray();
            if (gains.length < Skewness.MIN_VALUES) {
                continue;
            }
            double z = Skewness.z(gains);
            if (Math.abs(z) > Skewness.STRONG) {
                skewed.add(String.format(Locale.ROOT, "%s at %d/class: %s-skewed (z = %+.1f), which leans its interval toward %s verdicts",
                        s.key().strategy(), s.key().samplesPerClass(), z > 0 ? "right" : "left", z, z > 0 ? "negative" : "positive"));
            }
        }
        if (!skewed.isEmpty()) {
            warnings.add("Gains strongly skewed over seeds (sample skewness over its standard error beyond ±" + Skewness.STRONG + "): "
                    + list(skewed) + ". Compare with the sign-test column before quoting those verdicts (docs/statistics.md).");
        }
        return warnings;
    }

    /** e.g. "convnet / linear / full / none at 20/class (negative; sign test inconclusive)" for each strategy id, in the analysis' order. */
    private static String concerned(TransferAnalysis analysis, java.util.Set<String> strategyIds) {
        List<String> names = analysis.summaries().stream().filter(s -> strategyIds.contains(s.key().id()))
                .map(s -> s.key().strategy() + " at " + s.key().samplesPerClass() + "/class (" + s.verdict() + "; sign test "
                        + s.companion().verdict() + ")")
                .toList();
        return names.isEmpty() ? "none with a gain" : list(names);
    }

    private static String list(List<String> items) {
        return String.join("; ", items.subList(0, Math.min(5, items.size()))) + (items.size() > 5 ? "; ..." : "");
    }
}
