package dev.graft.reports;

import dev.graft.core.store.SimilarityRecord;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Did the metrics predict the gain? For each similarity metric: its score per backbone next to
 * the realised mean test accuracy and mean gain over scratch of that backbone's finished transfer
 * trials (every head, schedule, size and seed), Kendall's tau and the weighted tau between score
 * and each outcome (scores of "lower = better" metrics are negated first, so +1 always means the
 * metric ranked the backbones exactly as they turned out), and what the metric cost: its seconds
 * plus the feature extraction's, as a fraction of the training seconds of the transfer trials it
 * stood in for.
 *
 * @param metrics one entry per metric, in the order the run computed them
 */
public record MetricPredictions(List<MetricRanking> metrics) {

    /**
     * One backbone's score and outcome.
     *
     * @param backbone the backbone label
     * @param score the metric's value (NaN when it failed)
     * @param meanAccuracy mean test accuracy of the backbone's finished transfer trials
     * @param meanGain their mean gain over the paired scratch baselines
     * @param trials how many finished transfer trials
     */
    public record Row(String backbone, double score, double meanAccuracy, double meanGain, int trials) {}

    /**
     * @param metric the metric's name
     * @param higherIsBetter its direction
     * @param rows per backbone
     * @param tauAccuracy Kendall tau-b of (oriented) score vs mean accuracy; NaN with under two backbones
     * @param weightedTauAccuracy weighted tau of the same
     * @param tauGain Kendall tau-b of score vs mean gain
     * @param weightedTauGain weighted tau of the same
     * @param costFraction metric plus feature seconds over the transfer trials' training seconds
     */
    public record MetricRanking(String metric, boolean higherIsBetter, List<Row> rows, double tauAccuracy, double weightedTauAccuracy,
            double tauGain, double weightedTauGain, double costFraction) {}

    /**
     * @param similarities the run's scores
     * @param analysis the run's trials and gains
     * @return the comparison; empty when no metric was computed
     */
    public static MetricPredictions of(List<SimilarityRecord> similarities, TransferAnalysis analysis) {
        Map<String, List<SimilarityRecord>> byMetric = new LinkedHashMap<>();
        for (SimilarityRecord record : similarities) {
            byMetric.computeIfAbsent(record.metricJson(), k -> new ArrayList<>()).add(record);
        }
        List<MetricRanking> rankings = new ArrayList<>();
        for (List<SimilarityRecord> records : byMetric.values()) {
            List<Row> rows = new ArrayList<>();
            double cost = 0;
            double training = 0;
            for (SimilarityRecord record : records) {
                double accuracy = 0;
                double gain = 0;
                int trials = 0;
                int gains = 0;
                for (TrialRecord trial : analysis.trials()) {
                    if (trial.kind().equals("transfer") && trial.backbone().equals(record.backbone()) && trial.status() == TrialStatus.finished) {
                        accuracy += trial.testAccuracy();
                        trials++;
                        training += trial.trainSeconds();
                        Double g = analysis.gains().get(trial.trialId());
                        if (g != null) {
                            gain += g;
                            gains++;
                        }
                    }
                }
                cost += record.seconds() + record.featureSeconds();
                rows.add(new Row(record.backbone(), record.value(), trials == 0 ? Double.NaN : accuracy / trials,
                        gains == 0 ? Double.NaN : gain / gains, trials));
            }
            SimilarityRecord first = records.get(0);
            double[][] accuracy = oriented(rows, first.higherIsBetter(), true);
            double[][] gain = oriented(rows, first.higherIsBetter(), false);
            rankings.add(new MetricRanking(first.metric(), first.higherIsBetter(), rows,
                    RankCorrelation.kendallTau(accuracy[0], accuracy[1]), RankCorrelation.weightedTau(accuracy[0], accuracy[1]),
                    RankCorrelation.kendallTau(gain[0], gain[1]), RankCorrelation.weightedTau(gain[0], gain[1]),
                    training == 0 ? Double.NaN : cost / training));
        }
        return new MetricPredictions(rankings);
    }

    /** The scores (negated for distances) and outcomes of the rows where both are known. */
    private static double[][] oriented(List<Row> rows, boolean higherIsBetter, boolean accuracy) {
        List<double[]> pairs = new ArrayList<>();
        for (Row row : rows) {
            double outcome = accuracy ? row.meanAccuracy() : row.meanGain();
            if (Double.isFinite(row.score()) && Double.isFinite(outcome)) {
                pairs.add(new double[] {higherIsBetter ? row.score() : -row.score(), outcome});
            }
        }
        double[][] out = new double[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            out[0][i] = pairs.get(i)[0];
            out[1][i] = pairs.get(i)[1];
        }
        return out;
    }
}
