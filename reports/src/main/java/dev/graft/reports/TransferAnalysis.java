package dev.graft.reports;

import dev.graft.core.stats.DecisionRule;
import dev.graft.core.stats.Interval;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.TrialLabels;
import dev.graft.spi.Axis;
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
 * @param seedGains per strategy id, the gains of its seeds in seed order
 * @param strategyTrials per strategy id, its transfer trials in seed order
 */
public record TransferAnalysis(List<TrialRecord> trials, Map<String, Double> gains, List<StrategySummary> summaries,
        Map<String, List<Double>> seedGains, Map<String, List<TrialRecord>> strategyTrials) {

    /**
     * @return the names of the axes the trials have labels for, in their order: the built-in ones
     *     always, a contributed one only when some trial has a choice on it (so installing a
     *     plugin module changes no report of a run that does not use its axis)
     */
    public List<String> axisNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        trials.forEach(t -> names.addAll(t.labels().axes().keySet()));
        return names.stream()
                .filter(name -> Axis.BUILT_IN.stream().anyMatch(a -> a.name().equals(name))
                        || trials.stream().anyMatch(t -> !TrialLabels.lacks(t.labels().of(name))))
                .toList();
    }

    /**
     * @return the axes a table of strategies shows: the original three (head, freeze, augment)
     *     always, any other (the regulariser, a contributed axis) only when some strategy has a
     *     choice on it
     */
    public List<String> shownAxes() {
        return axisNames().stream()
                .filter(name -> TrialLabels.alwaysShown(name) || summaries.stream().anyMatch(s -> !TrialLabels.lacks(s.key().label(name))))
                .toList();
    }

    /**
     * @param trials the trials of a fixed design's plan, in plan order
     * @return the analysis, with Student-t intervals
     */
    public static TransferAnalysis of(List<TrialRecord> trials) {
        return of(trials, DecisionRule.FIXED);
    }

    /**
     * @param trials the trials of the plan, in plan order
     * @param rule how the run turned gains into intervals and verdicts
     * @return the analysis
     */
    public static TransferAnalysis of(List<TrialRecord> trials, DecisionRule rule) {
        Map<String, TrialRecord> byId = new HashMap<>();
        for (TrialRecord trial : trials) {
            byId.put(trial.trialId(), trial);
        }
        Map<String, Double> gains = new LinkedHashMap<>();
        // by strategy id: trials that differ in anything but the seed are never pooled, whatever their labels
        Map<String, List<TrialRecord>> groups = new LinkedHashMap<>();
        for (TrialRecord trial : trials) {
            if (!trial.kind().equals("transfer")) {
                continue;
            }
            groups.computeIfAbsent(trial.strategyId(), k -> new ArrayList<>()).add(trial);
            trial.gainOver(byId.get(trial.baselineId())).ifPresent(g -> gains.put(trial.trialId(), g));
        }
        Map<String, List<Double>> seedGains = new LinkedHashMap<>();
        Map<String, List<TrialRecord>> strategyTrials = new LinkedHashMap<>();
        Map<String, double[]> gainArrays = new LinkedHashMap<>();
        for (Map.Entry<String, List<TrialRecord>> group : groups.entrySet()) {
            // the seed order: a confidence sequence's intersection depends on it
            List<TrialRecord> bySeed = new ArrayList<>(group.getValue());
            bySeed.sort(java.util.Comparator.comparingLong(TrialRecord::seed));
            List<Double> gain = bySeed.stream().map(t -> gains.get(t.trialId())).filter(java.util.Objects::nonNull).toList();
            seedGains.put(group.getKey(), gain);
            strategyTrials.put(group.getKey(), List.copyOf(bySeed));
            gainArrays.put(group.getKey(), toArray(gain));
        }
        // every strategy at once, as the run decided: error control across strategies needs all of them
        Map<String, DecisionRule.Decision> decisions = rule.decide(gainArrays);
        List<StrategySummary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<TrialRecord>> group : groups.entrySet()) {
            List<TrialRecord> bySeed = strategyTrials.get(group.getKey());
            List<Double> transfer = new ArrayList<>();
            List<Double> scratch = new ArrayList<>();
            int failed = 0;
            List<TrialRecord> finishedTransfer = new ArrayList<>();
            for (TrialRecord trial : bySeed) {
                TrialRecord baseline = byId.get(trial.baselineId());
                if (trial.status() == TrialStatus.failed || (baseline != null && baseline.status() == TrialStatus.failed)
                        || (trial.status() == TrialStatus.finished && !gains.containsKey(trial.trialId()) && baseline != null
                                && baseline.status() == TrialStatus.finished)) {
                    // failed, or finished without an accuracy that is a number: no gain either way
                    failed++;
                }
                if (trial.status() == TrialStatus.finished) {
                    finishedTransfer.add(trial);
                }
                if (gains.containsKey(trial.trialId())) {
                    transfer.add(trial.testAccuracy());
                    scratch.add(baseline.testAccuracy());
                }
            }
            TrialRecord first = group.getValue().get(0);
            StrategyKey key = new StrategyKey(group.getKey(), first.labels(), first.samplesPerClass());
            DecisionRule.Decision decision = decisions.get(group.getKey());
            double[] gain = gainArrays.get(group.getKey());
            summaries.add(new StrategySummary(key, Interval.studentT(toArray(transfer)), Interval.studentT(toArray(scratch)), decision,
                    rule.companion(gain), failed, bySeed.size(), rule.stopReason(decision.controlled(), gain.length, bySeed.size()),
                    LabelsWorth.of(trials, finishedTransfer, byId), Costs.of(finishedTransfer)));
        }
        summaries = distinctlyLabelled(summaries);
        return new TransferAnalysis(List.copyOf(trials), gains, summaries, seedGains, strategyTrials);
    }

    /**
     * Strategies recorded with labels that display alike (by a version that derived labels from
     * less than the whole config) get their strategy id's first digits after the backbone label,
     * so two rows never read the same. Runs made now have distinct labels already.
     */
    private static List<StrategySummary> distinctlyLabelled(List<StrategySummary> summaries) {
        Map<String, Integer> shown = new HashMap<>();
        for (StrategySummary s : summaries) {
            shown.merge(s.key().strategy() + " @" + s.key().samplesPerClass(), 1, Integer::sum);
        }
        List<StrategySummary> out = new ArrayList<>();
        for (StrategySummary s : summaries) {
            StrategyKey key = shown.get(s.key().strategy() + " @" + s.key().samplesPerClass()) > 1
                    ? s.key().withBackboneSuffix(" [" + s.key().id().substring(0, 6) + "]") : s.key();
            out.add(s.withKey(key));
        }
        return out;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
