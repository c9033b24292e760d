package dev.graft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.stats.DecisionRule;
import dev.graft.core.stats.Interval;
import dev.graft.core.stats.Verdict;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.TrialLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictsByAxisTest {
    private static TrialRecord trial(String id, String kind, String backbone, String freeze, long seed, double accuracy, String baseline) {
        String spec = "{\"kind\":\"" + kind + "\",\"backbone\":\"" + backbone + "\",\"freeze\":\"" + freeze + "\",\"seed\":" + seed + "}";
        return new TrialRecord(id, kind, TrialLabels.of(backbone, "linear", freeze, "none", "none"), 10, seed, baseline, TrialStatus.finished,
                null, accuracy, accuracy, 1, 1, 1.0, spec, "{}", null, "t", List.of());
    }

    /**
     * Two sources × two freeze schedules, one head, one size: rows for backbone and freeze only,
     * each strategy counted once by its own verdict. Full fine-tuning helps a lot from one source
     * and hurts a little from the other: pooled, its twelve gains give a positive verdict (checked
     * here); counted, the row shows one positive and one negative.
     */
    @Test
    void countsEachStrategysOwnVerdictPerChoiceAndPoolsNothing() {
        List<TrialRecord> trials = new ArrayList<>();
        Map<String, double[]> gains = Map.of("near/frozen", new double[] {0.10, 0.12, 0.11, 0.10, 0.11, 0.12},
                "near/full", new double[] {0.30, 0.32, 0.31, 0.29, 0.30, 0.31},
                "far/frozen", new double[] {0.05, 0.06, 0.05, 0.07, 0.06, 0.05},
                "far/full", new double[] {-0.03, -0.04, -0.02, -0.03, -0.02, -0.04});
        // what pooling the full strategies' gains would claim: transfer by full fine-tuning helps
        double[] pooled = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(gains.get("near/full")),
                java.util.Arrays.stream(gains.get("far/full"))).toArray();
        assertEquals(Verdict.positive, DecisionRule.FIXED.verdict(Interval.studentT(pooled)), "the naive pooled reading");
        for (String backbone : List.of("near", "far")) {
            for (int seed = 0; seed < 6; seed++) {
                String baseline = backbone + "-s" + seed;
                trials.add(trial(baseline, "scratch", backbone, "-", seed, 0.5, null));
                for (String freeze : List.of("frozen", "full")) {
                    trials.add(trial(backbone + freeze + seed, "transfer", backbone, freeze, seed, 0.5 + gains.get(backbone + "/" + freeze)[seed], baseline));
                }
            }
        }
        TransferAnalysis analysis = TransferAnalysis.of(trials);
        assertEquals(4, analysis.summaries().size());
        List<VerdictsByAxis.Row> rows = VerdictsByAxis.rows(analysis);
        assertEquals(List.of("backbone near", "backbone far", "freeze frozen", "freeze full"),
                rows.stream().map(r -> r.axis() + " " + r.label()).toList(), "axes with one choice (head, size) get no rows");
        VerdictsByAxis.Row full = rows.get(3);
        assertEquals(2, full.strategies());
        assertEquals(1, full.counts().get(Verdict.positive));
        assertEquals(1, full.counts().get(Verdict.negative), "the harmful source's strategy is not averaged away");
        assertEquals(2, rows.get(2).counts().get(Verdict.positive));
        String markdown = VerdictsByAxis.markdown(analysis);
        assertTrue(markdown.contains("| freeze | full | 2 | 1 | 1 | 0 | 0 |"), markdown);
        assertTrue(VerdictsByAxis.html(analysis).contains("<td class=\"num negative\">1"));
    }

    @Test
    void aRunWithOneStrategyHasNoSection() {
        List<TrialRecord> trials = List.of(trial("s", "scratch", "near", "-", 1, 0.5, null), trial("t", "transfer", "near", "frozen", 1, 0.6, "s"));
        TransferAnalysis analysis = TransferAnalysis.of(trials);
        assertTrue(VerdictsByAxis.rows(analysis).isEmpty());
        assertEquals("", VerdictsByAxis.markdown(analysis));
        assertFalse(VerdictsByAxis.html(analysis).contains("Verdicts"));
    }
}
