package dev.graft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.graft.core.store.SimilarityRecord;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.TrialLabels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricPredictionsTest {
    static TrialRecord trial(String id, String kind, String backbone, double accuracy, String baseline, double seconds) {
        return trial(id, kind, backbone, accuracy, baseline, seconds, 1);
    }

    static TrialRecord trial(String id, String kind, String backbone, double accuracy, String baseline, double seconds, long seed) {
        return new TrialRecord(id, kind, TrialLabels.of(backbone, "linear", kind.equals("scratch") ? "-" : "full", "none", kind.equals("scratch") ? "-" : "none"),
                10, seed, baseline, TrialStatus.finished, null, accuracy, accuracy, 1, 1, seconds, "{\"seed\":" + seed + "}", "{}", null, "t", List.of());
    }

    /**
     * Two backbones whose order flips from seed to seed: a metric that ranks them by their mean gets
     * tau +1 on the point estimate, and the bootstrap over seeds says how little that means; a
     * backbone order that holds on every seed gets an interval at +1. The source-accuracy baseline
     * stands beside the metrics.
     */
    @Test
    void aTauComesWithABootstrapIntervalOverSeedsAndASourceAccuracyBaseline() {
        List<TrialRecord> trials = new ArrayList<>();
        double[][] gains = {{0.10, -0.05}, {0.00, 0.02}, {0.08, 0.04}, {-0.02, 0.06}, {0.07, 0.01}, {0.03, 0.05}};
        for (int seed = 1; seed <= gains.length; seed++) {
            trials.add(trial("s" + seed, "scratch", "convnet", 0.5, null, 1, seed));
            trials.add(trial("a" + seed, "transfer", "near", 0.5 + gains[seed - 1][0], "s" + seed, 1, seed));
            trials.add(trial("b" + seed, "transfer", "far", 0.5 + gains[seed - 1][1], "s" + seed, 1, seed));
        }
        TransferAnalysis analysis = TransferAnalysis.of(trials);
        List<SimilarityRecord> scores = List.of(new SimilarityRecord("near", "k1", "logme", "{\"type\":\"logme\"}", 2.0, true, 1, 1, null),
                new SimilarityRecord("far", "k2", "logme", "{\"type\":\"logme\"}", 1.0, true, 1, 1, null));
        List<dev.graft.core.store.PretrainRecord> pretrained = List.of(new dev.graft.core.store.PretrainRecord("k1", "near", 0.7, 1, false, "{}"),
                new dev.graft.core.store.PretrainRecord("k2", "far", 0.9, 1, false, "{}"));
        MetricPredictions predictions = MetricPredictions.of(scores, pretrained, analysis);
        MetricPredictions.MetricRanking logme = predictions.metrics().get(0);
        assertEquals(1.0, logme.tauGain(), 1e-12, "near gains more on average (+0.043 against +0.022)");
        assertEquals(-1.0, logme.tauGainInterval()[0], 1e-12, "some resamples of the seeds put far first");
        assertEquals(1.0, logme.tauGainInterval()[1], 1e-12);
        MetricPredictions.MetricRanking baseline = predictions.metrics().get(1);
        assertEquals(MetricPredictions.BASELINE, baseline.metric());
        assertEquals(-1.0, baseline.tauGain(), 1e-12, "the backbone with the higher source accuracy gained less");
        assertEquals("+1.000 [-1.000, +1.000]", MetricPredictions.cell(logme.tauGain(), logme.tauGainInterval()));
    }

    @Test
    void ranksBackbonesByOutcomeOrientsDistancesAndReportsCost() {
        List<TrialRecord> trials = new ArrayList<>();
        trials.add(trial("s", "scratch", "convnet", 0.70, null, 5));
        trials.add(trial("a", "transfer", "good", 0.90, "s", 10));
        trials.add(trial("b", "transfer", "fair", 0.80, "s", 10));
        trials.add(trial("c", "transfer", "poor", 0.60, "s", 20));
        TransferAnalysis analysis = TransferAnalysis.of(trials);
        List<SimilarityRecord> scores = List.of(
                // a transferability score that ranks them right
                new SimilarityRecord("good", "k1", "logme", "{\"type\":\"logme\"}", 3.0, true, 1, 1, null),
                new SimilarityRecord("fair", "k2", "logme", "{\"type\":\"logme\"}", 2.0, true, 1, 1, null),
                new SimilarityRecord("poor", "k3", "logme", "{\"type\":\"logme\"}", 1.0, true, 1, 1, null),
                // a distance that ranks them right too (lower = closer = better)
                new SimilarityRecord("good", "k1", "mmd", "{\"type\":\"mmd\"}", 0.1, false, 0.5, 0.5, null),
                new SimilarityRecord("fair", "k2", "mmd", "{\"type\":\"mmd\"}", 0.2, false, 0.5, 0.5, null),
                new SimilarityRecord("poor", "k3", "mmd", "{\"type\":\"mmd\"}", Double.NaN, false, 0, 0.5, "failed"));
        MetricPredictions predictions = MetricPredictions.of(scores, List.of(), analysis);
        assertEquals(2, predictions.metrics().size());
        MetricPredictions.MetricRanking logme = predictions.metrics().get(0);
        assertEquals(1.0, logme.tauAccuracy(), 1e-12);
        assertEquals(1.0, logme.weightedTauAccuracy(), 1e-12);
        assertEquals(1.0, logme.tauGain(), 1e-12);
        assertEquals(6.0 / 40.0, logme.costFraction(), 1e-12, "6 metric seconds for 40 training seconds");
        assertEquals(0.9, logme.rows().get(0).meanAccuracy(), 1e-12);
        assertEquals(0.2, logme.rows().get(0).meanGain(), 1e-12);
        MetricPredictions.MetricRanking mmd = predictions.metrics().get(1);
        assertEquals(1.0, mmd.tauAccuracy(), 1e-12, "distances are negated: lower mmd, better transfer");
        assertEquals(2, mmd.rows().stream().filter(r -> Double.isFinite(r.score())).count());
        assertTrue(Double.isNaN(MetricPredictions.of(scores.subList(0, 1), List.of(), analysis).metrics().get(0).tauAccuracy()), "one backbone: no tau");
    }
}
