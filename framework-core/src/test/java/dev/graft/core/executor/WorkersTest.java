package dev.graft.core.executor;

import dev.graft.core.run.RunResults;
import dev.graft.core.run.RunSummary;
import dev.graft.core.run.ExperimentRunner;
import dev.graft.core.executor.RunListener;
import dev.graft.core.executor.TrialWorkers;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.Axis;
import dev.graft.spi.data.DataContext;
import dev.graft.testing.TestPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trials run in worker processes give the numbers a sequential run gives, and only the orchestrator writes them. */
class WorkersTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins()));
    static final String SWEEP = TestPlugins.SWEEP;

    @TempDir
    Path dir;

    /** Per trial id, the epochs the run's listener was told of. */
    private final Map<String, Map<String, List<EpochMetrics>>> epochsSeen = new HashMap<>();

    private RunSummary run(String name, int workers) {
        return run(name, workers, SWEEP);
    }

    private RunSummary run(String name, int workers, String yaml) {
        Map<String, List<EpochMetrics>> seen = new HashMap<>();
        epochsSeen.put(name, seen);
        RunListener listener = new RunListener() {
            @Override
            public void epochFinished(Trial trial, EpochMetrics metrics) {
                seen.computeIfAbsent(trial.id(), id -> new ArrayList<>()).add(metrics);
            }
        };
        return new ExperimentRunner(PLUGINS).workers(workers, 1).run(new DescriptorReader(PLUGINS).read(dir.resolve("exp.yaml"), yaml),
                dir.resolve(name), dir.resolve("cache"), new DataContext(List.of(), Optional.empty(), dir), listener);
    }

    private Map<String, TrialRecord> trials(String name) {
        return RunResults.byId(dir.resolve(name));
    }

    /** A run in this process with one PyTorch thread per operation, as each worker has: the count changes results at the last bits. */
    private RunSummary runWithOneThread(String name, String yaml) {
        ai.djl.engine.Engine.getInstance(); // loads PyTorch
        int threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        try {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
            return run(name, 1, yaml);
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }

    /**
     * The orchestrator pretrains with the workers' threads per operation, not its own, and its
     * own count is restored after the run: the backbone, and so every trial on it, is the one a
     * sequential run with one thread pretrains. The cache keeps the two counts apart. (Before,
     * an orchestrator with two threads pretrained with two, and a cache filled by either run
     * served the other.)
     */
    @Test
    void theOrchestratorPretrainsWithTheWorkersThreadsAndTheCacheKeepsCountsApart() {
        String yaml = SWEEP.replace("head: [{type: test-dense}, {type: test-dense, fail: true}]", "head: [{type: test-dense}]")
                .replace("seeds: [1, 2, 3]", "seeds: [1]");
        ai.djl.engine.Engine.getInstance(); // loads PyTorch
        int threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        try {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(2);
            run("two-workers", 2, yaml);
            assertEquals(2, ai.djl.pytorch.jni.JniUtils.getNumThreads(), "the orchestrator's own count is restored");
            new ExperimentRunner(PLUGINS).run(new DescriptorReader(PLUGINS).read(dir.resolve("exp.yaml"), yaml), dir.resolve("two-threads"),
                    dir.resolve("cache"), new DataContext(List.of(), Optional.empty(), dir), RunListener.NONE);
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
        runWithOneThread("one-thread", yaml);
        dev.graft.core.store.PretrainRecord workers = pretraining("two-workers");
        dev.graft.core.store.PretrainRecord oneThread = pretraining("one-thread");
        dev.graft.core.store.PretrainRecord twoThreads = pretraining("two-threads");
        assertTrue(workers.provenanceJson().contains("\"intraOpThreads\":\"1\""), workers.provenanceJson());
        assertTrue(twoThreads.provenanceJson().contains("\"intraOpThreads\":\"2\""), twoThreads.provenanceJson());
        assertEquals(workers.backboneKey(), oneThread.backboneKey());
        assertTrue(oneThread.cached(), "the one-thread run reuses the workers' backbone");
        assertTrue(!twoThreads.cached() && !twoThreads.backboneKey().equals(workers.backboneKey()),
                "two threads per operation pretrain their own backbone: " + twoThreads.backboneKey());
    }

    private dev.graft.core.store.PretrainRecord pretraining(String name) {
        try (dev.graft.core.store.ResultStore store = dev.graft.core.store.ResultStore.openExisting(dir.resolve(name).resolve("results.db"))) {
            assertEquals(1, store.pretrainings().size());
            return store.pretrainings().get(0);
        }
    }

    /** Workers take the trials with the most training first (labelled examples times epochs), in plan order among equals. */
    @Test
    void workersTakeTheLongestTrialsFirst() {
        List<Trial> plan = new dev.graft.core.sweep.SweepExpander(PLUGINS.mapper()).expand(
                new DescriptorReader(PLUGINS).read(dir.resolve("exp.yaml"), SWEEP.replace("samplesPerClass: [6]", "samplesPerClass: [6, 10]"))
                        .experiment());
        List<Trial> ordered = TrialWorkers.longestFirst(plan);
        assertEquals(new java.util.HashSet<>(plan), new java.util.HashSet<>(ordered));
        List<Integer> sizes = ordered.stream().map(t -> t.spec().samplesPerClass()).toList();
        assertTrue(sizes.get(0) > sizes.get(sizes.size() - 1), "the sweep has two sizes: " + sizes);
        for (int i = 1; i < ordered.size(); i++) {
            Trial before = ordered.get(i - 1);
            Trial after = ordered.get(i);
            assertTrue(before.spec().samplesPerClass() >= after.spec().samplesPerClass(), sizes.toString());
            if (before.spec().samplesPerClass() == after.spec().samplesPerClass()) {
                assertTrue(plan.indexOf(before) < plan.indexOf(after), "plan order among equals");
            }
        }
    }

    /** Seeds added round by round go to the workers as well; the same results decide the same rounds. */
    @Test
    void aSequentialDesignRunsTheSameRoundsWithWorkers() {
        String yaml = SWEEP.replace("seeds: [1, 2, 3]", "seeds: {start: 5, max: 7, step: 2}")
                .replace("head: [{type: test-dense}, {type: test-dense, fail: true}]", "head: [{type: test-dense}]");
        RunSummary sequential = runWithOneThread("sequential-rounds", yaml);
        RunSummary parallel = run("parallel-rounds", 2, yaml);
        assertEquals(sequential.planned(), parallel.planned());
        Map<String, TrialRecord> a = trials("sequential-rounds");
        Map<String, TrialRecord> b = trials("parallel-rounds");
        assertEquals(a.keySet(), b.keySet());
        a.forEach((id, record) -> assertEquals(record.testAccuracy(), b.get(id).testAccuracy(), 0.0, id));
        assertEquals(0, run("parallel-rounds", 2, yaml).finished(), "a complete sequential run has nothing left to run");
    }

    @Test
    void twoWorkersGiveTheSequentialNumbersRecordFailuresAndResume() throws Exception {
        RunSummary sequential = runWithOneThread("sequential", SWEEP);
        RunSummary parallel = run("parallel", 2);
        assertEquals(sequential.finished(), parallel.finished());
        assertEquals(sequential.failed(), parallel.failed());
        assertTrue(parallel.failed() > 0, "the failing head's trials are recorded as failed");
        Map<String, TrialRecord> a = trials("sequential");
        Map<String, TrialRecord> b = trials("parallel");
        assertEquals(a.keySet(), b.keySet());
        for (String id : a.keySet()) {
            assertEquals(a.get(id).status(), b.get(id).status(), id);
            assertEquals(a.get(id).error(), b.get(id).error(), id);
            if (a.get(id).status() == TrialStatus.finished) {
                assertEquals(a.get(id).testAccuracy(), b.get(id).testAccuracy(), 0.0, id);
                assertEquals(a.get(id).epochs().size(), b.get(id).epochs().size(), id);
                for (int e = 0; e < a.get(id).epochs().size(); e++) {
                    assertEquals(a.get(id).epochs().get(e).trainLoss(), b.get(id).epochs().get(e).trainLoss(), 0.0, id + " epoch " + e);
                }
                assertTrue(b.get(id).provenanceJson().contains("\"intraOpThreads\":\"1\""), b.get(id).provenanceJson());
            }
            assertTrue(Files.isRegularFile(dir.resolve("parallel/trials/" + id + "/epochs.csv")), id);
            if (a.get(id).status() == TrialStatus.finished) {
                // progress: every epoch reaches the listener, from this process or from a worker
                assertEquals(a.get(id).epochs(), epochsSeen.get("sequential").get(id), id);
                assertEquals(b.get(id).epochs(), epochsSeen.get("parallel").get(id), id);
            }
            assertTrue(Files.isRegularFile(dir.resolve("parallel/trials/" + id + "/trial.json")), id);
        }
        assertTrue(Files.notExists(dir.resolve("parallel/worker-job.json")), "the workers' job file is removed after the run");
        // a second run resumes: the finished trials are skipped, the failed ones run again
        RunSummary again = run("parallel", 2);
        assertEquals(sequential.finished(), again.skipped());
        assertEquals(parallel.failed(), again.failed());
        assertEquals(b.size(), trials("parallel").size(), "nothing duplicated");
    }

    @Test
    void aWorkerThatDiesFailsItsTrialAndTheSweepGoesOnInANewWorker() {
        String crashing = SWEEP.replace("head: [{type: test-dense}, {type: test-dense, fail: true}]",
                "head: [{type: test-dense}, {type: test-dense, halt: 3}]").replace("seeds: [1, 2, 3]", "seeds: [1, 2]");
        RunSummary summary = new ExperimentRunner(PLUGINS).workers(2, 1).run(new DescriptorReader(PLUGINS).read(dir.resolve("exp.yaml"), crashing),
                dir.resolve("crash"), dir.resolve("cache"), new DataContext(List.of(), Optional.empty(), dir), RunListener.NONE);
        Map<String, TrialRecord> records = trials("crash");
        assertEquals(summary.planned(), records.size(), "every trial recorded once");
        for (TrialRecord record : records.values()) {
            if (record.label(Axis.HEAD).contains("halt=3")) {
                assertEquals(TrialStatus.failed, record.status());
                assertTrue(record.error().contains("the worker process running this trial exited (code 3)"), record.error());
            } else {
                assertEquals(TrialStatus.finished, record.status(), record.error());
            }
        }
        assertTrue(summary.failed() > 0 && summary.finished() > 0, summary.toString());
    }
}
