package dev.graft.reports;

import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs every transfer trial with its scratch baseline and summarises the gains per strategy
 * and data size over seeds.
 *
 * @param trials the trials of the run's plan, in plan order
 * @param gains per transfer trial id, its gain over the paired baseline (absent when either failed)
 * @param summaries one per strategy and data size, in plan order
 */
public record TransferAnalysis(List<TrialRecord> trials, Map<String, Double> gains, List<StrategySummary> summaries) {

    /**
     * @param trials the trials of the plan, in plan order
     * @return the analysis
     */
    /** @return whether any strategy has a regulariser, so tables need its column */
    public boolean regularized() {
        return summaries.stream().anyMatch(s -> !"none".equals(s.key().regularizer()));
    }

    public static TransferAnalysis of(List<TrialRecord> trials) {
        Map<String, TrialRecord> byId = new HashMap<>();
        for (TrialRecord trial : trials) {
            byId.put(trial.trialId(), trial);
        }
        Map<String, Double> gains = new LinkedHashMap<>();
        Map<StrategyKey, List<TrialRecord>> groups = new LinkedHashMap<>();
        for (TrialRecord trial : trials) {
            if (!trial.kind().equals("transfer")) {
                continue;
            }
            groups.computeIfAbsent(new StrategyKey(trial.backbone(), trial.head(), trial.freeze(), trial.augment(), trial.regularizer(),
                    trial.samplesPerClass()), k -> new ArrayList<>()).add(trial);
            TrialRecord baseline = byId.get(trial.baselineId());
            if (trial.status() == TrialStatus.finished && baseline != null && baseline.status() == TrialStatus.finished) {
                gains.put(trial.trialId(), trial.testAccuracy() - baseline.testAccuracy());
            }
        }
        List<StrategySummary> summaries = new ArrayList<>();
        for (Map.Entry<StrategyKey, List<TrialRecord>> group : groups.entrySet()) {
            List<Double> transfer = new ArrayList<>();
            List<Double> scratch = new ArrayList<>();
            List<Double> gain = new ArrayList<>();
            int failed = 0;
            for (TrialRecord trial : group.getValue()) {
                TrialRecord baseline = byId.get(trial.baselineId());
                if (trial.status() == TrialStatus.failed || (baseline != null && baseline.status() == TrialStatus.failed)) {
                    failed++;
                }
                Double g = gains.get(trial.trialId());
                if (g != null) {
                    transfer.add(trial.testAccuracy());
                    scratch.add(baseline.testAccuracy());
                    gain.add(g);
                }
            }
            Interval gainInterval = Interval.of(toArray(gain));
            summaries.add(new StrategySummary(group.getKey(), Interval.of(toArray(transfer)), Interval.of(toArray(scratch)),
                    gainInterval, Verdict.of(gainInterval), failed));
        }
        return new TransferAnalysis(List.copyOf(trials), gains, summaries);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
