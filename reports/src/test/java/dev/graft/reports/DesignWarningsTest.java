package dev.graft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.graft.core.stats.DecisionRule;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.TrialLabels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignWarningsTest {
    /** A trial with 5 classes, the given test split and validation examples, early stopping on or off. */
    private static TrialRecord trial(String id, String kind, long seed, double accuracy, String baseline, int tests, int validation, boolean stopping) {
        String spec = "{\"kind\":\"" + kind + "\",\"seed\":" + seed + ",\"train\":{\"epochs\":10" + (stopping ? ",\"earlyStopping\":{\"patience\":3}" : "")
                + "}}";
        String provenance = "{\"data\":{\"classes\":[\"a\",\"b\",\"c\",\"d\",\"e\"],\"validationExamples\":" + validation + ",\"testExamples\":"
                + tests + "}}";
        return new TrialRecord(id, kind, TrialLabels.of("b", "h", kind.equals("scratch") ? "-" : "frozen", "none", "-"), 5, seed, baseline, TrialStatus.finished,
                null, accuracy, accuracy, 1, 1, 1, spec, provenance, null, "t", List.of());
    }

    private static RunData run(List<TrialRecord> trials, DecisionRule rule) {
        return new RunData("x", "", trials.size(), TransferAnalysis.of(trials, rule), List.of(), List.of(), rule, "");
    }

    @Test
    void aDesignThatCannotDecideSaysWhy() {
        List<TrialRecord> trials = new ArrayList<>();
        for (int seed = 1; seed <= 2; seed++) {
            // seed 1's scratch baseline is at chance (0.2 of 5 classes)
            trials.add(trial("s" + seed, "scratch", seed, seed == 1 ? 0.2 : 0.6, null, 50, 5, true));
            trials.add(trial("t" + seed, "transfer", seed, 0.7, "s" + seed, 50, 5, true));
        }
        List<String> warnings = run(trials, new DecisionRule(false, 0.01, null)).warnings();
        assertEquals(4, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).startsWith("The test split has 50 examples: one image moves accuracy by 0.0200, more than the equivalence "
                + "margin 0.01"), warnings.get(0));
        assertTrue(warnings.get(1).startsWith("No strategy has more than 2 seeds with a gain"), warnings.get(1));
        assertTrue(warnings.get(2).startsWith("Early stopping and the best epoch are chosen on one validation example per class at samplesPerClass 5"),
                warnings.get(2));
        assertTrue(warnings.get(3).startsWith("1 of 2 scratch baselines scored at chance (5/class seed 1)"), warnings.get(3));
    }

    @Test
    void aDesignThatCanDecideHasNoWarnings() {
        List<TrialRecord> trials = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            trials.add(trial("s" + seed, "scratch", seed, 0.6, null, 500, 10, true));
            trials.add(trial("t" + seed, "transfer", seed, 0.7, "s" + seed, 500, 10, true));
        }
        assertEquals(List.of(), run(trials, DecisionRule.FIXED).warnings());
    }
}
