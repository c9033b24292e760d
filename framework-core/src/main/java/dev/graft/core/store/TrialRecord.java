package dev.graft.core.store;

import dev.graft.core.sweep.TrialLabels;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.Axis;
import java.util.List;

/**
 * One finished or failed trial, as stored.
 *
 * @param trialId the trial id
 * @param kind {@code transfer} or {@code scratch}
 * @param labels the display labels of its backbone and of each strategy axis ({@code none} when
 *     absent, {@code -} for an axis a scratch baseline does not have)
 * @param samplesPerClass labelled examples per class
 * @param seed the seed
 * @param baselineId the paired scratch trial, or null
 * @param status finished or failed
 * @param error the failure message, or null
 * @param testAccuracy test accuracy (NaN when failed)
 * @param testMacroF1 test macro-F1 (NaN when failed)
 * @param bestEpoch the epoch whose weights were scored (0 when not applicable)
 * @param epochsRun epochs trained
 * @param trainSeconds wall time of the whole trial
 * @param specJson the resolved trial spec
 * @param provenanceJson provenance: component configs, versions, data checksums, machine, timings
 * @param confusionJson the test confusion matrix and class names, or null
 * @param finishedAt ISO-8601 time the trial ended
 * @param epochs per-epoch metrics
 * @param evaluations its scores on each evaluation set, in the descriptor's order (none for a failed trial)
 */
public record TrialRecord(
        String trialId,
        String kind,
        TrialLabels labels,
        int samplesPerClass,
        long seed,
        String baselineId,
        TrialStatus status,
        String error,
        double testAccuracy,
        double testMacroF1,
        int bestEpoch,
        int epochsRun,
        double trainSeconds,
        String specJson,
        String provenanceJson,
        String confusionJson,
        String finishedAt,
        List<EpochMetrics> epochs,
        List<EvaluationScore> evaluations) {
    public TrialRecord {
        epochs = List.copyOf(epochs);
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
    }

    /** A record scored on its test split only. */
    public TrialRecord(String trialId, String kind, TrialLabels labels, int samplesPerClass, long seed, String baselineId, TrialStatus status,
            String error, double testAccuracy, double testMacroF1, int bestEpoch, int epochsRun, double trainSeconds, String specJson,
            String provenanceJson, String confusionJson, String finishedAt, List<EpochMetrics> epochs) {
        this(trialId, kind, labels, samplesPerClass, seed, baselineId, status, error, testAccuracy, testMacroF1, bestEpoch, epochsRun,
                trainSeconds, specJson, provenanceJson, confusionJson, finishedAt, epochs, List.of());
    }

    /**
     * This trial as scored on an evaluation set: its accuracy, macro-F1 and confusion there in
     * place of the test split's (not numbers when it was not scored there: a scratch trial on the
     * source task), so that gains, intervals and verdicts per set come from the same code as the
     * test split's.
     *
     * @param set an evaluation set's name
     * @return the view
     */
    public TrialRecord onSet(String set) {
        EvaluationScore score = evaluation(set).orElse(null);
        return new TrialRecord(trialId, kind, labels, samplesPerClass, seed, baselineId, status, error,
                score == null ? Double.NaN : score.accuracy(), score == null ? Double.NaN : score.macroF1(), bestEpoch, epochsRun, trainSeconds,
                specJson, provenanceJson, score == null ? null : score.confusionJson(), finishedAt, epochs, evaluations);
    }

    /**
     * @param set an evaluation set's name
     * @return this trial's scores on it, if it was scored there
     */
    public java.util.Optional<EvaluationScore> evaluation(String set) {
        return evaluations.stream().filter(e -> e.set().equals(set)).findFirst();
    }

    /**
     * @return the id of this trial's strategy: its spec without the seed, what replicate seeds
     *     share ({@link dev.graft.core.sweep.TrialIds#strategyOf})
     */
    public String strategyId() {
        return dev.graft.core.sweep.TrialIds.strategyOf(specJson);
    }

    /**
     * The one definition of a paired gain, for the rounds that decide and the reports that show it.
     *
     * @param baseline this transfer trial's paired scratch baseline, or null when it is not recorded
     * @return this trial's test accuracy minus the baseline's; empty unless both finished with an
     *     accuracy that is a finite number (a pair without one contributes no gain, as a failed one)
     */
    public java.util.OptionalDouble gainOver(TrialRecord baseline) {
        if (baseline == null || status != TrialStatus.finished || baseline.status() != TrialStatus.finished
                || !Double.isFinite(testAccuracy) || !Double.isFinite(baseline.testAccuracy())) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(testAccuracy - baseline.testAccuracy());
    }

    /** @return the strategy, e.g. {@code convnet / linear / full / none}, with the regulariser when there is one */
    public String strategy() {
        return labels.toString();
    }

    /** @return the backbone's label */
    public String backbone() {
        return labels.backbone();
    }

    /**
     * @param axis a strategy axis
     * @return this trial's label on it
     */
    public String label(Axis axis) {
        return labels.of(axis);
    }
}
