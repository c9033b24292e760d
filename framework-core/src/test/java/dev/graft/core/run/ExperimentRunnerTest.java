package dev.graft.core.run;

import dev.graft.core.executor.RunListener;
import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorException;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.Trial;
import dev.graft.spi.Axis;
import dev.graft.spi.data.DataContext;
import dev.graft.testing.TestPlugins;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentRunnerTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins()));
    static final String SWEEP = """
            name: tiny
            seeds: [1, 2]
            target:
              data: {type: test-synthetic, classes: [0, 1]}
              samplesPerClass: [6]
            train: {epochs: 2, batchSize: 4}
            sweep:
              backbone:
                - type: test-tiny
                  pretrain:
                    data: {type: test-synthetic, classes: [2, 3]}
                    train: {epochs: 1}
              head: [{type: test-dense}, {type: test-dense, fail: true}]
              freeze: [test-freeze-bottom]
            similarity: [{type: test-mean-gap}]
            similaritySamples: 20
            """;

    @TempDir
    Path dir;

    private Descriptor descriptor(String yaml) {
        return new DescriptorReader(PLUGINS).read(dir.resolve("exp.yaml"), yaml);
    }

    private RunSummary run(String yaml, Path out, RunListener listener) {
        return new ExperimentRunner(PLUGINS).run(descriptor(yaml), out, dir.resolve("cache"),
                new DataContext(List.of(), Optional.empty(), dir), listener);
    }

    private static List<TrialRecord> trials(Path out) {
        try (ResultStore store = ResultStore.openExisting(out.resolve("results.db"))) {
            return store.trials();
        }
    }

    @Test
    void failingTrialsAreRecordedAndTheSweepGoesOn() {
        RunSummary summary = run(SWEEP, dir.resolve("run"), RunListener.NONE);
        // per seed: 2 heads x (transfer + scratch) = 4 trials
        assertEquals(new RunSummary(8, 0, 4, 4, summary.seconds()), summary);
        List<TrialRecord> trials = trials(dir.resolve("run"));
        assertEquals(8, trials.size());
        for (TrialRecord trial : trials) {
            if (trial.label(Axis.HEAD).contains("fail=true")) {
                assertEquals(TrialStatus.failed, trial.status());
                assertEquals("IllegalStateException: test head asked to fail", trial.error());
            } else {
                assertEquals(TrialStatus.finished, trial.status(), trial.error());
                assertTrue(trial.testAccuracy() >= 0 && trial.testAccuracy() <= 1);
                assertTrue(trial.provenanceJson().contains("\"checksum\""), trial.provenanceJson());
            }
        }
        assertTrue(dir.resolve("run/trials").toFile().list().length == 8);
        for (java.io.File trialDir : dir.resolve("run/trials").toFile().listFiles()) {
            assertTrue(!new java.io.File(trialDir, "checkpoint.bin").exists(), "a recorded trial keeps no checkpoint: " + trialDir);
        }
        try (ResultStore store = ResultStore.openExisting(dir.resolve("run/results.db"))) {
            assertEquals(1, store.similarities().size());
            assertTrue(store.similarities().get(0).error() == null && store.similarities().get(0).value() >= 0);
            assertTrue(store.similarities().get(0).inputsJson().contains("\"targetChecksum\"")
                    && store.similarities().get(0).inputsJson().contains("\"sourceExamples\""), store.similarities().get(0).inputsJson());
            assertEquals(1, store.pretrainings().size());
        }
    }

    @Test
    void anInterruptedRunResumesWithoutDuplicatesOrLostRows() {
        String yaml = SWEEP.replace("head: [{type: test-dense}, {type: test-dense, fail: true}]", "head: [{type: test-dense}]");
        AtomicInteger finished = new AtomicInteger();
        RunListener crashAfterTwo = new RunListener() {
            @Override
            public void trialFinished(Trial trial, TrialRecord record) {
                if (finished.incrementAndGet() == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> run(yaml, dir.resolve("run"), crashAfterTwo));
        List<TrialRecord> before = trials(dir.resolve("run"));
        assertEquals(2, before.size());

        RunSummary resumed = run(yaml, dir.resolve("run"), RunListener.NONE);
        assertEquals(4, resumed.planned());
        assertEquals(2, resumed.skipped());
        assertEquals(2, resumed.finished());
        List<TrialRecord> after = trials(dir.resolve("run"));
        assertEquals(4, after.size());
        assertTrue(after.containsAll(before), "rows recorded before the crash are untouched");

        RunSummary again = run(yaml, dir.resolve("run"), RunListener.NONE);
        assertEquals(4, again.skipped());
        assertEquals(0, again.finished());
        assertEquals(after, trials(dir.resolve("run")));
    }

    @Test
    void sameDescriptorAndSeedsGiveTheSameNumbersAndPretrainingIsCached() {
        String yaml = SWEEP.replace("head: [{type: test-dense}, {type: test-dense, fail: true}]", "head: [{type: test-dense}]");
        run(yaml, dir.resolve("a"), RunListener.NONE);
        run(yaml, dir.resolve("b"), RunListener.NONE);
        List<TrialRecord> a = trials(dir.resolve("a"));
        List<TrialRecord> b = trials(dir.resolve("b"));
        assertEquals(a.stream().map(TrialRecord::trialId).toList(), b.stream().map(TrialRecord::trialId).toList());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).testAccuracy(), b.get(i).testAccuracy());
            assertEquals(a.get(i).epochs().stream().map(e -> e.trainLoss()).toList(), b.get(i).epochs().stream().map(e -> e.trainLoss()).toList());
        }
        try (ResultStore store = ResultStore.openExisting(dir.resolve("b/results.db"))) {
            assertTrue(store.pretrainings().get(0).cached(), "the second run reuses the pretrained backbone");
        }
    }

    @Test
    void aRunDirectoryOfAnotherExperimentIsLeftAlone() {
        String yaml = SWEEP.replace("head: [{type: test-dense}, {type: test-dense, fail: true}]", "head: [{type: test-dense}]");
        run(yaml, dir.resolve("run"), RunListener.NONE);
        List<TrialRecord> before = trials(dir.resolve("run"));
        dev.graft.spi.GraftException e = assertThrows(dev.graft.spi.GraftException.class,
                () -> run(yaml.replace("name: tiny", "name: other"), dir.resolve("run"), RunListener.NONE));
        assertEquals(dir.resolve("run") + " holds the results of experiment 'tiny', not 'other'; run into another directory with --out",
                e.getMessage());
        assertEquals(before, trials(dir.resolve("run")));
    }

    @Test
    void aSizeLargerThanAClassFailsBeforeAnyTrial() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> run(SWEEP.replace("samplesPerClass: [6]", "samplesPerClass: [6, 31]"), dir.resolve("big"), RunListener.NONE));
        assertTrue(e.getMessage().endsWith("exp.yaml:5:24: target.samplesPerClass[1]: asks for 31 examples per class but class 'class0' "
                + "has 30 in synthetic classes [0, 1]"), e.getMessage());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("big/results.db")), "nothing is written");
    }

    @Test
    void classIdsOutsideTheDatasetAreReportedWithTheirPosition() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> run(SWEEP.replace("classes: [2, 3]", "classes: [2, 7]"), dir.resolve("bad"), RunListener.NONE));
        assertTrue(e.getMessage().endsWith("exp.yaml:11:51: sweep.backbone[0].pretrain.data.classes[1]: class 7 is not in the dataset (it has classes 0-3)"),
                e.getMessage());
    }
}
