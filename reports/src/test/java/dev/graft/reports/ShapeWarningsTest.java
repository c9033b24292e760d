package dev.graft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.stats.DecisionRule;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warnings where the gains are far from the Gaussian shape, named by seed, with the direction they mislead. */
class ShapeWarningsTest {
    static final DecisionRule RULE = new DecisionRule(true, null, 10);

    /** Seven seeds of one strategy: scratch and transfer accuracies per seed. */
    static List<TrialRecord> run(double[] scratch, double[] transfer) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int s = 0; s < scratch.length; s++) {
            trials.add(TransferAnalysisTest.trial("s" + s, "scratch", "-", s + 1, scratch[s], null, TrialStatus.finished));
            trials.add(TransferAnalysisTest.trial("f" + s, "transfer", "frozen", s + 1, transfer[s], "s" + s, TrialStatus.finished));
        }
        return trials;
    }

    @Test
    void aCollapsedScratchBaselineIsNamedWithTheDirectionItMisleads() {
        double[] scratch = {0.86, 0.85, 0.87, 0.86, 0.21, 0.85, 0.86};
        double[] transfer = {0.84, 0.84, 0.85, 0.84, 0.84, 0.83, 0.845};
        List<String> warnings = ShapeWarnings.of(TransferAnalysis.of(run(scratch, transfer), RULE));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("1 scratch baseline scored far below") && w.contains("seed 5: 0.210 against a median of 0.860")
                && w.contains("toward negative verdicts") && w.contains("The strategies paired with it: convnet / linear / frozen / none at 10/class (")),
                warnings.toString());
    }

    @Test
    void aCollapsedTransferTrialIsNamedWithTheOtherDirection() {
        double[] scratch = {0.80, 0.81, 0.80, 0.79, 0.80, 0.81, 0.80};
        double[] transfer = {0.84, 0.83, 0.20, 0.84, 0.85, 0.83, 0.84};
        List<String> warnings = ShapeWarnings.of(TransferAnalysis.of(run(scratch, transfer), RULE));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("1 transfer trial scored far below") && w.contains("seed 3")
                && w.contains("toward positive verdicts") && w.contains("The strategies concerned: convnet / linear / frozen / none at 10/class (")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Gains strongly skewed") && w.contains("left-skewed")), warnings.toString());
    }

    @Test
    void gainsThatLookGaussianGiveNoWarning() {
        double[] scratch = {0.80, 0.82, 0.79, 0.81, 0.80, 0.83, 0.78};
        double[] transfer = {0.84, 0.83, 0.85, 0.82, 0.86, 0.84, 0.83};
        assertEquals(List.of(), ShapeWarnings.of(TransferAnalysis.of(run(scratch, transfer), RULE)));
    }
}
