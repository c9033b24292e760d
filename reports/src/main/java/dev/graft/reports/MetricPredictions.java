package dev.graft.reports;

import dev.graft.core.store.PretrainRecord;
import dev.graft.core.store.SimilarityRecord;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Did the metrics predict the gain? For each similarity metric: its score per backbone next to
 * the realised mean test accuracy and mean gain over scratch of that backbone's finished transfer
 * trials (every head, schedule, size and seed), Kendall's tau and the weighted tau between score
 * and each outcome (scores of "lower = better" metrics are negated first, so +1 always means the
 * metric ranked the backbones exactly as they turned out), and what the metric cost: its seconds
 * plus the feature extraction's, as a fraction of the training seconds of the transfer trials it
 * stood in for.
 *
 * <p>The outcomes are means over seeds, so a tau is an estimate too: each comes with a 95%
 * percentile bootstrap interval over seeds (seeds drawn with replacement within each labelled-data
 * size, the same draw for every backbone, since a seed's trials share their data sample and
 * baseline; the scores, computed once before training, stay fixed). Beside the metrics stands a
 * trivial baseline, the backbones' source validation accuracy where Graft pretrained them: a
 * metric is worth its cost where it ranks better than that.
 *
 * @param metrics one entry per metric, in the order the run computed them, then the baseline when there is one
 */
public record MetricPredictions(List<MetricRanking> metrics) {

    /** @return what the table of taus shows, the same in every format */
    static String legend() {
        return "Per metric: its score per backbone against the backbone's realised mean test accuracy and mean gain over scratch (every "
                + "finished transfer trial), with Kendall's tau between them (+1: ranked as they turned out; distances are negated first), "
                + "its 95% percentile bootstrap interval over seeds (drawn within each labelled-data size, the same draw for every "
                + "backbone), the weighted tau (Vigna 2015), and the metric's cost (its seconds plus feature extraction) as a fraction of "
                + "the training seconds of the transfer trials it stands in for. The last row, where Graft pretrained the backbones, ranks "
                + "them by their source validation accuracy: a metric earns its cost where it ranks better than that.";
    }

    /**
     * @param tau a tau
     * @param interval its bootstrap interval
     * @return e.g. "+0.333 [-0.333, +1.000]"
     */
    static String cell(double tau, double[] interval) {
        if (Double.isNaN(tau)) {
            return "";
        }
        return Numbers.signed(tau, 3) + (Double.isNaN(interval[0]) ? "" : " [" + Numbers.signed(interval[0], 3) + ", " + Numbers.signed(interval[1], 3) + "]");
    }

    /** The name of the trivial baseline's row. */
    public static final String BASELINE = "source accuracy (baseline)";

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
     * @param costFraction metric plus feature seconds over the transfer trials' training seconds (NaN for the baseline)
     * @param tauAccuracyInterval 95% bootstrap interval of {@code tauAccuracy} over seeds, {low, high}
     * @param tauGainInterval 95% bootstrap interval of {@code tauGain} over seeds, {low, high}
     */
    public record MetricRanking(String metric, boolean higherIsBetter, List<Row> rows, double tauAccuracy, double weightedTauAccuracy,
            double tauGain, double weightedTauGain, double costFraction, double[] tauAccuracyInterval, double[] tauGainInterval) {}

    /**
     * @param similarities the run's scores
     * @param pretrainings the run's pretrained backbones (for the baseline)
     * @param analysis the run's trials and gains
     * @return the comparison; empty when no metric was computed
     */
    public static MetricPredictions of(List<SimilarityRecord> similarities, List<PretrainRecord> pretrainings, TransferAnalysis analysis) {
        Outcomes outcomes = new Outcomes(analysis);
        Map<String, List<SimilarityRecord>> byMetric = new LinkedHashMap<>();
        for (SimilarityRecord record : similarities) {
            byMetric.computeIfAbsent(record.metricJson(), k -> new ArrayList<>()).add(record);
        }
        List<MetricRanking> rankings = new ArrayList<>();
        for (List<SimilarityRecord> records : byMetric.values()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            double cost = 0;
            for (SimilarityRecord record : records) {
                scores.put(record.backbone(), record.value());
                cost += record.seconds() + record.featureSeconds();
            }
            double training = outcomes.trainingSeconds(scores.keySet());
            SimilarityRecord first = records.get(0);
            rankings.add(outcomes.ranking(first.metric(), first.higherIsBetter(), scores, training == 0 ? Double.NaN : cost / training));
        }
        if (!rankings.isEmpty()) {
            Map<String, Double> source = new LinkedHashMap<>();
            for (PretrainRecord p : pretrainings) {
                source.putIfAbsent(p.backbone(), p.sourceAccuracy());
            }
            if (source.values().stream().filter(Double::isFinite).count() >= 2) {
                rankings.add(outcomes.ranking(BASELINE, true, source, Double.NaN));
            }
        }
        return new MetricPredictions(rankings);
    }

    /** The realised outcomes per backbone, size and seed, and the bootstrap over seeds that gives a tau its interval. */
    private static final class Outcomes {
        /** Per backbone, per size, per seed: the accuracies and gains of its finished transfer trials there. */
        private final Map<String, Map<Integer, Map<Long, List<double[]>>>> cells = new LinkedHashMap<>();
        private final Map<Integer, TreeSet<Long>> seedsBySize = new TreeMap<>();
        private final Map<String, Double> seconds = new LinkedHashMap<>();

        Outcomes(TransferAnalysis analysis) {
            for (TrialRecord trial : analysis.trials()) {
                if (trial.kind().equals("transfer") && trial.status() == TrialStatus.finished && Double.isFinite(trial.testAccuracy())) {
                    Double gain = analysis.gains().get(trial.trialId());
                    cells.computeIfAbsent(trial.backbone(), k -> new TreeMap<>()).computeIfAbsent(trial.samplesPerClass(), k -> new TreeMap<>())
                            .computeIfAbsent(trial.seed(), k -> new ArrayList<>())
                            .add(new double[] {trial.testAccuracy(), gain == null ? Double.NaN : gain});
                    seedsBySize.computeIfAbsent(trial.samplesPerClass(), k -> new TreeSet<>()).add(trial.seed());
                    seconds.merge(trial.backbone(), trial.trainSeconds(), Double::sum);
                }
            }
        }

        double trainingSeconds(java.util.Collection<String> backbones) {
            return backbones.stream().mapToDouble(b -> seconds.getOrDefault(b, 0.0)).sum();
        }

        MetricRanking ranking(String metric, boolean higherIsBetter, Map<String, Double> scores, double costFraction) {
            List<Row> rows = new ArrayList<>();
            Map<Integer, List<Long>> allSeeds = new TreeMap<>();
            seedsBySize.forEach((size, seeds) -> allSeeds.put(size, List.copyOf(seeds)));
            for (Map.Entry<String, Double> score : scores.entrySet()) {
                double[] means = means(score.getKey(), allSeeds);
                rows.add(new Row(score.getKey(), score.getValue(), means[0], means[1], (int) means[2]));
            }
            double[][] accuracy = oriented(rows, higherIsBetter, true);
            double[][] gain = oriented(rows, higherIsBetter, false);
            // the bootstrap: seeds drawn with replacement within each size, the same draw for every backbone
            SplittableRandom random = new SplittableRandom(20261207L);
            double[] tauAccuracy = new double[Bootstrap.RESAMPLES];
            double[] tauGain = new double[Bootstrap.RESAMPLES];
            for (int b = 0; b < Bootstrap.RESAMPLES; b++) {
                Map<Integer, List<Long>> drawn = new TreeMap<>();
                allSeeds.forEach((size, seeds) -> {
                    List<Long> draw = new ArrayList<>();
                    for (int i = 0; i < seeds.size(); i++) {
                        draw.add(seeds.get(random.nextInt(seeds.size())));
                    }
                    drawn.put(size, draw);
                });
                List<Row> replicate = new ArrayList<>();
                for (Row row : rows) {
                    double[] means = means(row.backbone(), drawn);
                    replicate.add(new Row(row.backbone(), row.score(), means[0], means[1], (int) means[2]));
                }
                double[][] a = oriented(replicate, higherIsBetter, true);
                double[][] g = oriented(replicate, higherIsBetter, false);
                tauAccuracy[b] = RankCorrelation.kendallTau(a[0], a[1]);
                tauGain[b] = RankCorrelation.kendallTau(g[0], g[1]);
            }
            double tauA = RankCorrelation.kendallTau(accuracy[0], accuracy[1]);
            double tauG = RankCorrelation.kendallTau(gain[0], gain[1]);
            return new MetricRanking(metric, higherIsBetter, rows, tauA, RankCorrelation.weightedTau(accuracy[0], accuracy[1]), tauG,
                    RankCorrelation.weightedTau(gain[0], gain[1]), costFraction,
                    Double.isNaN(tauA) ? new double[] {Double.NaN, Double.NaN} : Bootstrap.percentiles(tauAccuracy),
                    Double.isNaN(tauG) ? new double[] {Double.NaN, Double.NaN} : Bootstrap.percentiles(tauGain));
        }

        /** {mean accuracy, mean gain, trials} of a backbone's trials at the given seeds (a seed drawn twice counts twice). */
        private double[] means(String backbone, Map<Integer, List<Long>> seeds) {
            double accuracy = 0;
            double gain = 0;
            int trials = 0;
            int gains = 0;
            Map<Integer, Map<Long, List<double[]>>> bySize = cells.getOrDefault(backbone, Map.of());
            for (Map.Entry<Integer, List<Long>> size : seeds.entrySet()) {
                Map<Long, List<double[]>> bySeed = bySize.getOrDefault(size.getKey(), Map.of());
                for (long seed : size.getValue()) {
                    for (double[] outcome : bySeed.getOrDefault(seed, List.of())) {
                        accuracy += outcome[0];
                        trials++;
                        if (!Double.isNaN(outcome[1])) {
                            gain += outcome[1];
                            gains++;
                        }
                    }
                }
            }
            return new double[] {trials == 0 ? Double.NaN : accuracy / trials, gains == 0 ? Double.NaN : gain / gains, trials};
        }
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
