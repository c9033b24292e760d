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
        return new TrialRecord(id, kind, TrialLabels.of(backbone, "linear", kind.equals("scratch") ? "-" : "full", "none", kind.equals("scratch") ? "-" : "none"),
                10, 1, baseline, TrialStatus.finished, null, accuracy, accuracy, 1, 1, seconds, "{}", "{}", null, "t", List.of());
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
        MetricPredictions predictions = MetricPredictions.of(scores, analysis);
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
        assertTrue(Double.isNaN(MetricPredictions.of(scores.subList(0, 1), analysis).metrics().get(0).tauAccuracy()), "one backbone: no tau");
    }
}
