package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimizer and schedule axes, which the optimizers plugin module contributes without a line
 * of core naming them: swept from a descriptor, trained, stored one row per axis, reported in its own
 * column; trials that leave it out keep the ids they had before it existed.
 */
class ContributedAxisTest {
    static final String SWEPT = GraftCliTest.TINY.replace("seeds: [1, 2]", "seeds: [1]")
            .replace("  freeze: [{type: frozen}, {type: full}]\n",
                    "  freeze: [{type: frozen}, {type: full}]\n  optimizer: [{type: rmsprop, lr: 0.005}, {type: adamw}]\n"
                    + "  schedule: [{type: warmup-linear, warmup: 0.25}]\n");

    @TempDir
    Path dir;

    @Test
    void anOptimizerAxisSweepsTrainsStoresAndReports() throws Exception {
        Path descriptor = Files.writeString(dir.resolve("optimizers.yaml"), SWEPT);
        Path out = dir.resolve("run");
        GraftCliTest.Result run = GraftCliTest.graft("run", descriptor.toString(), "--out", out.toString(), "--cache",
                dir.resolve("cache").toString());
        assertEquals(0, run.code(), run.out() + run.err());
        // 2 freeze x 2 optimisers transfer trials; each optimiser has its own scratch baseline (the axis is shared with baselines)
        assertTrue(run.out().contains("6 trials planned, 0 already finished, 6 finished now, 0 failed"), run.out());

        List<TrialRecord> trials;
        try (ResultStore store = ResultStore.openExisting(out.resolve("results.db"))) {
            trials = store.trials();
        }
        Map<String, TrialRecord> byId = trials.stream().collect(Collectors.toMap(TrialRecord::trialId, t -> t));
        for (TrialRecord trial : trials) {
            String optimizer = trial.labels().axes().get("optimizer");
            assertTrue(Set.of("rmsprop", "adamw").contains(optimizer), trial.labels().toString());
            assertTrue(trial.strategy().contains(optimizer), "labels show a contributed axis that is used: " + trial.strategy());
            assertTrue(trial.provenanceJson().matches(".*\"plugins\":\\{.*\"optimizer\":\\{\"factory\":\"[^\"]+\",\"type\":\"" + optimizer + "\".*"),
                    "provenance names the plugin: " + trial.provenanceJson());
            if (trial.kind().equals("transfer")) {
                assertEquals(optimizer, byId.get(trial.baselineId()).labels().axes().get("optimizer"), "the baseline trains with the same optimiser");
            }
        }
        double rmsprop = accuracy(trials, "full", "rmsprop");
        double adamw = accuracy(trials, "full", "adamw");
        assertNotEquals(rmsprop, adamw, "the two optimisers trained differently");

        List<String> csv = Files.readAllLines(out.resolve("report/results.csv"));
        assertTrue(csv.get(0).startsWith("trial_id,kind,backbone,head,freeze,augment,regularizer,optimizer,"), csv.get(0));
        String report = Files.readString(out.resolve("report/report.md"));
        assertTrue(report.contains("| optimizer | schedule |"), report);
        assertTrue(trials.stream().allMatch(t -> "warmup-linear".equals(t.labels().axes().get("schedule"))), "every trial has the one schedule");
        assertFalse(report.contains("| regularizer |"), "an unused optional axis gets no column");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + out.resolve("results.db"));
                var rows = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM trial_axes WHERE axis = 'optimizer' AND config_json LIKE '{\"type\":\"rmsprop\"%'")) {
            rows.next();
            assertEquals(3, rows.getInt(1), "one row per rmsprop trial, with its config");
        }
    }

    @Test
    void leavingTheAxisOutKeepsTheIdsTrialsHadWithoutIt() throws IOException {
        Plugins plugins = Plugins.discover();
        assertTrue(plugins.registry().axes().stream().anyMatch(a -> a.name().equals("optimizer")), "the module contributes the axis");
        Path without = Files.writeString(dir.resolve("without.yaml"), GraftCliTest.TINY);
        List<Trial> trials = new SweepExpander(plugins.mapper()).expand(new DescriptorReader(plugins).read(without).experiment());
        for (Trial trial : trials) {
            String json = plugins.mapper().writeValueAsString(trial.spec());
            assertFalse(json.contains("\"optimizer\":{\"type\""), "no optimizer choice in the spec: " + json);
            assertFalse(json.contains("\"optimizer\":null"), "an absent contributed axis is left out, not written as null");
        }
        // and the ids are those of a Graft without the optimizers module: PinnedTrialIdsTest pins every bundled descriptor's
    }

    private static double accuracy(List<TrialRecord> trials, String freeze, String optimizer) {
        return trials.stream().filter(t -> t.kind().equals("transfer") && t.labels().axes().get("freeze").equals(freeze)
                && t.labels().axes().get("optimizer").equals(optimizer)).findFirst().orElseThrow().testAccuracy();
    }
}
