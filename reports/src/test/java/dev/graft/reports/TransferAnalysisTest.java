package dev.graft.reports;

import dev.graft.core.stats.Verdict;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.TrialLabels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferAnalysisTest {
    static TrialRecord trial(String id, String kind, String freeze, long seed, double accuracy, String baseline, TrialStatus status) {
        return trial(id, kind, "convnet", "{\"kind\":\"" + kind + "\",\"freeze\":\"" + freeze + "\",\"seed\":" + seed + "}", seed, accuracy,
                baseline, status);
    }

    static TrialRecord trial(String id, String kind, String backbone, String specJson, long seed, double accuracy, String baseline,
            TrialStatus status) {
        String freeze = kind.equals("scratch") ? "-" : "frozen";
        return new TrialRecord(id, kind, TrialLabels.of(backbone, "linear", freeze, "none", "none"), 10, seed, baseline, status,
                status == TrialStatus.failed ? "x" : null, accuracy, accuracy, 1, 1, 1.0, specJson, "{}", null, "t", List.of());
    }

    @Test
    void pairsEachTransferTrialWithItsBaselineAndGivesAVerdict() {
        List<TrialRecord> trials = new ArrayList<>();
        double[] scratch = {0.50, 0.60, 0.55};
        double[] frozen = {0.70, 0.78, 0.74};
        double[] full = {0.40, 0.52, 0.46};
        for (int s = 0; s < 3; s++) {
            trials.add(trial("s" + s, "scratch", "-", s, scratch[s], null, TrialStatus.finished));
            trials.add(trial("f" + s, "transfer", "frozen", s, frozen[s], "s" + s, TrialStatus.finished));
            trials.add(trial("u" + s, "transfer", "full", s, full[s], "s" + s, TrialStatus.finished));
        }
        trials.add(trial("s9", "scratch", "-", 9, 0.1, null, TrialStatus.failed));
        trials.add(trial("t9", "transfer", "top-k", 9, 0.9, "s9", TrialStatus.finished));
        TransferAnalysis analysis = TransferAnalysis.of(trials);
        assertEquals(0.20, analysis.gains().get("f0"), 1e-12);
        assertEquals(3, analysis.summaries().size());
        StrategySummary frozenSummary = analysis.summaries().get(0);
        assertEquals(analysis.trials().get(1).strategyId(), frozenSummary.key().id());
        assertEquals(0.19, frozenSummary.gain().mean(), 1e-12);
        assertEquals(Verdict.positive, frozenSummary.verdict());
        assertEquals(Verdict.negative, analysis.summaries().get(1).verdict());
        StrategySummary orphan = analysis.summaries().get(2);
        assertEquals(0, orphan.gain().n(), "no gain without a finished baseline");
        assertEquals(1, orphan.failedTrials());
        assertEquals(Verdict.inconclusive, orphan.verdict());
    }

    /**
     * A transfer trial recorded as finished with an accuracy that is not a number contributes no
     * gain (counted with the failed), instead of making its strategy's interval NaN for good.
     */
    @Test
    void aTrialWhoseAccuracyIsNotANumberContributesNoGainAndPoisonsNothing() {
        List<TrialRecord> trials = new ArrayList<>();
        double[] frozen = {0.70, Double.NaN, 0.74, 0.71, 0.73, 0.72};
        for (int s = 0; s < frozen.length; s++) {
            trials.add(trial("s" + s, "scratch", "-", s, 0.5, null, TrialStatus.finished));
            trials.add(trial("f" + s, "transfer", "frozen", s, frozen[s], "s" + s, TrialStatus.finished));
        }
        StrategySummary summary = TransferAnalysis.of(trials, new dev.graft.core.stats.DecisionRule(true, null, 10)).summaries().get(0);
        assertEquals(5, summary.gain().n());
        assertEquals(1, summary.failedTrials());
        assertTrue(Double.isFinite(summary.gain().low()) && Double.isFinite(summary.gain().high()), summary.gain().toString());
        assertEquals(Verdict.positive, summary.verdict());
    }

    /**
     * Issue 15: three backbones that differ only in transferLayers, recorded under one label (as
     * a version that let a label decide the grouping did), are three strategies of 8 seeds, not
     * one of 24, and their rows read differently.
     */
    @Test
    void trialsThatShareALabelButNotTheirSpecAreNeverPooled() {
        List<TrialRecord> trials = new ArrayList<>();
        double[] gains = {0.17, 0.26, 0.16};
        for (int seed = 1; seed <= 8; seed++) {
            String baseline = "s" + seed;
            trials.add(trial(baseline, "scratch", "digits-0-4", "{\"kind\":\"scratch\",\"seed\":" + seed + "}", seed, 0.5, null,
                    TrialStatus.finished));
            for (int layers = 1; layers <= 3; layers++) {
                String spec = "{\"kind\":\"transfer\",\"seed\":" + seed + ",\"backbone\":{\"type\":\"convnet\",\"transferLayers\":" + layers + "}}";
                trials.add(trial("t" + layers + "-" + seed, "transfer", "digits-0-4", spec, seed, 0.5 + gains[layers - 1] + 0.01 * (seed % 3),
                        baseline, TrialStatus.finished));
            }
        }
        TransferAnalysis analysis = TransferAnalysis.of(trials);
        assertEquals(3, analysis.summaries().size(), "one strategy per transferLayers");
        for (int i = 0; i < 3; i++) {
            StrategySummary summary = analysis.summaries().get(i);
            assertEquals(8, summary.gain().n(), summary.key().toString());
            assertEquals(gains[i] + 0.01, summary.gain().mean(), 0.005, summary.key().toString());
        }
        assertEquals(3, analysis.summaries().stream().map(s -> s.key().strategy()).distinct().count(), "rows that read alike");
        assertTrue(analysis.summaries().get(0).key().backbone().startsWith("digits-0-4 ["), analysis.summaries().get(0).key().backbone());
    }
}
