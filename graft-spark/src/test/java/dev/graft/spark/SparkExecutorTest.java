package dev.graft.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.run.ExperimentRunner;
import dev.graft.core.executor.RunListener;
import dev.graft.core.run.RunResults;
import dev.graft.core.run.RunSummary;
import dev.graft.core.executor.TrialHost;
import dev.graft.core.executor.TrialJob;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.Trial;
import dev.graft.spi.data.DataContext;
import dev.graft.testing.TestPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials on Spark executors (two real executor JVMs: {@code local-cluster[2,1,1024]}, and once an
 * embedded standalone cluster) give the in-process run's records trial for trial, failures
 * included; a killed executor's trial and a trial whose first attempt fails are run again and
 * recorded once.
 */
class SparkExecutorTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins(), new dev.graft.plugins.backbones.BackbonesModule(),
            new dev.graft.plugins.evaluation.EvaluationModule()));
    static final String SWEEP = TestPlugins.SWEEP;
    /** The sweep with every trial also scored on a corrupted test split and, where pretrained, the source task. */
    static final String SWEEP_WITH_SETS = SWEEP + """
            evaluate:
              rotated: {type: corrupt, corruption: rotate, severity: 3}
              source: {type: source-task}
            """;
    static final String LOCAL_CLUSTER = "local-cluster[2,1,1024]";

    @TempDir
    Path dir;

    /** What a run's listener saw, per run. */
    private final Map<String, List<String>> started = new HashMap<>();
    private final Map<String, Map<String, List<dev.graft.core.train.EpochMetrics>>> epochs = new HashMap<>();
    private final Map<String, List<String>> info = new HashMap<>();

    private RunSummary run(String name, String yaml, String executor, Map<String, String> options) {
        return run(PLUGINS, name, yaml, executor, options);
    }

    private RunSummary run(Plugins plugins, String name, String yaml, String executor, Map<String, String> options) {
        List<String> starts = Collections.synchronizedList(new ArrayList<>());
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        started.put(name, starts);
        info.put(name, lines);
        Map<String, List<dev.graft.core.train.EpochMetrics>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        epochs.put(name, seen);
        RunListener listener = new RunListener() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void trialStarted(Trial trial) {
                starts.add(trial.id());
            }

            @Override
            public void epochFinished(Trial trial, dev.graft.core.train.EpochMetrics metrics) {
                seen.computeIfAbsent(trial.id(), id -> Collections.synchronizedList(new ArrayList<>())).add(metrics);
            }
        };
        return new ExperimentRunner(plugins).executor(executor, options).run(new DescriptorReader(plugins).read(dir.resolve("exp.yaml"), yaml),
                dir.resolve(name), dir.resolve("cache"), new DataContext(List.of(), Optional.empty(), dir), listener);
    }

    private RunSummary inProcessWithOneThread(String name, String yaml) {
        ai.djl.engine.Engine.getInstance();
        int threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        try {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
            return run(name, yaml, "in-process", Map.of());
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }

    private static Map<String, String> spark(String master, String... conf) {
        Map<String, String> options = new HashMap<>();
        options.put("spark.master", master);
        for (int i = 0; i < conf.length; i += 2) {
            options.put(conf[i], conf[i + 1]);
        }
        return options;
    }

    private Map<String, TrialRecord> trials(String name) {
        return RunResults.byId(dir.resolve(name));
    }

    /** Trial for trial, the same status, error, accuracies and every epoch's loss; the provenance says one thread. */
    private void assertSameRecords(String expected, String actual) {
        Map<String, TrialRecord> a = trials(expected);
        Map<String, TrialRecord> b = trials(actual);
        assertEquals(a.keySet(), b.keySet());
        for (String id : a.keySet()) {
            TrialRecord x = a.get(id);
            TrialRecord y = b.get(id);
            assertEquals(x.status(), y.status(), id);
            assertEquals(x.error(), y.error(), id);
            if (x.status() == TrialStatus.finished) {
                assertEquals(x.testAccuracy(), y.testAccuracy(), 0.0, id);
                assertEquals(x.testMacroF1(), y.testMacroF1(), 0.0, id);
                assertEquals(x.bestEpoch(), y.bestEpoch(), id);
                assertEquals(x.confusionJson(), y.confusionJson(), id);
                assertEquals(x.evaluations(), y.evaluations(), id + ": the scores on every evaluation set");
                assertEquals(x.epochs().size(), y.epochs().size(), id);
                for (int e = 0; e < x.epochs().size(); e++) {
                    assertEquals(x.epochs().get(e).trainLoss(), y.epochs().get(e).trainLoss(), 0.0, id + " epoch " + e);
                    assertEquals(x.epochs().get(e).validationAccuracy(), y.epochs().get(e).validationAccuracy(), 0.0, id + " epoch " + e);
                }
                assertTrue(y.provenanceJson().contains("\"intraOpThreads\":\"1\""), y.provenanceJson());
            }
            assertTrue(Files.isRegularFile(dir.resolve(actual).resolve("trials").resolve(id).resolve("epochs.csv")), id);
            assertTrue(Files.isRegularFile(dir.resolve(actual).resolve("trials").resolve(id).resolve("trial.json")), id);
        }
    }

    @Test
    void twoExecutorJvmsGiveTheInProcessRecordsTrialForTrialAndResume() throws Exception {
        RunSummary inProcess = inProcessWithOneThread("in-process", SWEEP);
        RunSummary onSpark = run("spark", SWEEP, "spark", spark(LOCAL_CLUSTER));
        assertEquals(inProcess.planned(), onSpark.planned());
        assertEquals(inProcess.finished(), onSpark.finished());
        assertEquals(inProcess.failed(), onSpark.failed());
        assertTrue(onSpark.failed() > 0, "the failing head's trials are recorded as failed, not retried");
        assertSameRecords("in-process", "spark");
        assertEquals(onSpark.finished() + onSpark.failed(), started.get("spark").size(), "every trial reported started once");
        // progress: epochs reached the listener while trials trained on executors (the last lines may be overtaken by the
        // record itself, which carries every epoch: what arrived is the record's epochs from the first, in order)
        int shown = 0;
        for (TrialRecord record : trials("spark").values()) {
            List<dev.graft.core.train.EpochMetrics> seen = epochs.get("spark").getOrDefault(record.trialId(), List.of());
            assertEquals(record.epochs().subList(0, Math.min(seen.size(), record.epochs().size())), seen, record.trialId());
            shown += seen.size();
        }
        assertTrue(shown > 0, "no epoch reached the listener");
        assertTrue(info.get("spark").stream().noneMatch(line -> line.contains("runs again")), "a trial that throws is not retried: "
                + info.get("spark"));
        // the driver died after this? a second run resumes: finished trials are skipped, failed ones run again
        RunSummary again = run("spark", SWEEP, "spark", spark(LOCAL_CLUSTER));
        assertEquals(onSpark.finished(), again.skipped());
        assertEquals(onSpark.failed(), again.failed());
        assertEquals(inProcess.planned(), trials("spark").size(), "nothing recorded twice");
    }

    @Test
    void aKilledExecutorsTrialFinishesOnAnotherAndIsRecordedOnce() throws Exception {
        Path marker = dir.resolve("kill.marker");
        String yaml = SWEEP.replace("seeds: [1, 2, 3]", "seeds: [1]")
                .replace("head: [{type: test-dense}, {type: test-dense, fail: true}]", "head: [{type: test-dense, killOnce: '" + marker + "'}]");
        RunSummary summary = run("killed", yaml, "spark", spark(LOCAL_CLUSTER, "spark.task.maxFailures", "2"));
        assertTrue(Files.exists(marker), "an executor was killed");
        long killed = Long.parseLong(Files.readString(marker).strip());
        assertTrue(killed != ProcessHandle.current().pid() && ProcessHandle.of(killed).isEmpty(), "the killed process was an executor");
        Map<String, TrialRecord> records = trials("killed");
        assertEquals(summary.planned(), records.size(), "every trial recorded once");
        records.values().forEach(r -> assertEquals(TrialStatus.finished, r.status(), r.trialId() + ": " + r.error()));
        assertTrue(info.get("killed").stream().anyMatch(line -> line.contains("failed on executor")), info.get("killed").toString());
        // and its numbers are the in-process ones
        inProcessWithOneThread("killed-in-process", yaml);
        assertSameRecords("killed-in-process", "killed");
    }

    /** The listener may not yet have heard the last failed attempt when the job fails: Spark's own count is taken then. */
    @Test
    void theFailedAttemptsAreCountedWhenTheListenerLags() {
        RuntimeException failure = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 5.0 failed 2 times, most recent failure: ...");
        assertEquals(2, SparkTrialExecutor.attempts(1, failure));
        assertEquals(2, SparkTrialExecutor.attempts(2, failure));
        assertEquals(3, SparkTrialExecutor.attempts(3, new RuntimeException("executor lost")));
    }

    @Test
    void aFaultOnTheFirstAttemptIsRetriedAndOnEveryAttemptIsRecordedAsFailed() throws Exception {
        Path marker = dir.resolve("error.marker");
        String yaml = SWEEP.replace("seeds: [1, 2, 3]", "seeds: [1]")
                .replace("head: [{type: test-dense}, {type: test-dense, fail: true}]",
                        "head: [{type: test-dense, errorOnce: '" + marker + "'}, {type: test-dense, halt: 3}]");
        RunSummary summary = run("faults", yaml, "spark", spark(LOCAL_CLUSTER, "spark.task.maxFailures", "2"));
        Map<String, TrialRecord> records = trials("faults");
        assertEquals(summary.planned(), records.size(), "every trial recorded once");
        int halted = 0;
        for (TrialRecord record : records.values()) {
            if (record.label(dev.graft.spi.Axis.HEAD).contains("halt=3")) {
                halted++;
                assertEquals(TrialStatus.failed, record.status());
                assertTrue(record.error().startsWith("every attempt Spark made at this trial failed outside the trial's own code (2 attempts)"),
                        record.error());
            } else {
                assertEquals(TrialStatus.finished, record.status(), record.error());
            }
        }
        assertTrue(halted > 0 && summary.finished() > 0, summary.toString());
        assertTrue(Files.exists(marker));
        assertTrue(info.get("faults").stream().anyMatch(line -> line.contains("AssertionError")), info.get("faults").toString());
    }

    /**
     * A plugin from a jar outside Graft's class path (the example under examples/cosine-head):
     * its jar is shipped to the executors, content-addressed, and its trials give the in-process
     * records, with the jar's SHA-256 in their provenance.
     */
    @Test
    void aPluginJarFromOutsideGraftIsShippedToTheExecutors() throws Exception {
        Path jar = dev.graft.testing.PluginJar.build(Path.of("..", "examples", "cosine-head"), "1.0.0",
                dir.resolve("plugins").resolve("graft-cosine-head-1.0.0.jar"));
        dev.graft.core.plugin.PluginPath path = dev.graft.core.plugin.PluginPath.ofJars(List.of(jar));
        com.google.inject.Module cosine = (com.google.inject.Module) Class.forName("org.example.graft.cosine.CosineModule", true,
                path.classLoader()).getDeclaredConstructor().newInstance();
        Plugins plugins = Plugins.of(List.of(new TestPlugins(), new dev.graft.plugins.backbones.BackbonesModule(), cosine), path);
        String yaml = SWEEP.replace("seeds: [1, 2, 3]", "seeds: [1, 2]")
                .replace("head: [{type: test-dense}, {type: test-dense, fail: true}]", "head: [{type: cosine, temperature: 10}]");
        ai.djl.engine.Engine.getInstance();
        int threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        try {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
            run(plugins, "cosine-in-process", yaml, "in-process", Map.of());
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
        run(plugins, "cosine", yaml, "spark", spark(LOCAL_CLUSTER));
        assertSameRecords("cosine-in-process", "cosine");
        String sha = dev.graft.spi.Sha256.of(jar);
        assertTrue(trials("cosine").values().stream().allMatch(r -> r.status() == TrialStatus.finished
                && r.provenanceJson().contains("\"factory\":\"org.example.graft.cosine.CosineHeadFactory\",\"sha256\":\"" + sha + "\"")),
                "the executors trained with the shipped jar");
    }

    /** A backbone read from files its config names (here a Graft checkpoint) trains on executors from shipped copies. */
    @Test
    void theFilesABackbonesConfigNamesAreShippedToTheExecutors() throws Exception {
        String pretrain = SWEEP.replace("seeds: [1, 2, 3]", "seeds: [1]").replace("head: [{type: test-dense}, {type: test-dense, fail: true}]",
                "head: [{type: test-dense}]");
        inProcessWithOneThread("pretrain", pretrain);
        Path checkpoint;
        try (var entries = Files.list(dir.resolve("cache/backbones"))) {
            checkpoint = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String yaml = pretrain.replaceFirst("(?s)  backbone:\n.*?  head:", "  backbone: [{type: checkpoint, path: '" + checkpoint + "'}]\n  head:");
        assertTrue(yaml.contains("type: checkpoint"), yaml);
        inProcessWithOneThread("checkpoint-in-process", yaml);
        run("checkpoint", yaml, "spark", spark(LOCAL_CLUSTER));
        assertSameRecords("checkpoint-in-process", "checkpoint");
        assertTrue(trials("checkpoint").values().stream().allMatch(r -> r.status() == TrialStatus.finished
                && r.provenanceJson().contains("Graft checkpoint " + checkpoint)), "provenance names the file as the config does");
        // the executors read their copies: each laid them out in its own directory
        Path work = Path.of(System.getenv("SPARK_HOME")).resolve("work");
        try (var apps = Files.list(work)) {
            Path app = apps.max(java.util.Comparator.comparing(Path::getFileName)).orElseThrow();
            try (var executors = Files.list(app)) {
                assertTrue(executors.anyMatch(e -> Files.isRegularFile(e.resolve("graft-files/root0/backbone.params"))
                        && Files.isRegularFile(e.resolve("graft-files/root0/meta.json"))), "shipped copies in " + app);
            }
        }
        // and a process that was told where the copies are reads them, not the path the config names: here that path is gone
        Path copy = Files.createDirectories(dir.resolve("executor-copy"));
        try (var files = Files.list(checkpoint)) {
            for (Path file : files.toList()) {
                Files.move(file, copy.resolve(file.getFileName()));
            }
        }
        Files.delete(checkpoint);
        TrialRecord expected = trials("checkpoint-in-process").values().stream().filter(r -> r.kind().equals("transfer")).findFirst().orElseThrow();
        int threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        try {
            TrialHost host = TrialHost.open(new TrialJob(PLUGINS.modules(), List.of(), dir.resolve("exp.yaml").toString(), yaml, List.of(), null,
                    dir.toString(), dir.resolve("moved").toString(), dir.resolve("cache").toString(), true, 1, false));
            host.locateFiles(named -> named.equals(checkpoint) ? copy : named);
            var prepared = host.prepare();
            TrialRecord record = host.run(host.trial(expected.trialId()), dev.graft.core.trial.TrialData.of(prepared.pool(), prepared.test(), null),
                    dir.resolve("moved"), e -> {});
            assertEquals(TrialStatus.finished, record.status(), record.error());
            assertEquals(expected.testAccuracy(), record.testAccuracy(), 0.0);
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }

    @Test
    void anEmbeddedStandaloneClusterRunsTheSweepEndToEnd() throws Exception {
        inProcessWithOneThread("embedded-in-process", SWEEP_WITH_SETS);
        run("embedded", SWEEP_WITH_SETS, "spark", spark("embedded[2]"));
        assertSameRecords("embedded-in-process", "embedded");
        // the sets' examples travel with the tasks: every finished trial was scored on them on an executor
        for (TrialRecord record : trials("embedded").values()) {
            if (record.status() == TrialStatus.finished) {
                assertEquals(record.kind().equals("scratch") ? List.of("rotated") : List.of("rotated", "source"),
                        record.evaluations().stream().map(dev.graft.core.store.EvaluationScore::set).toList(), record.trialId());
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("embedded/spark/master.log")));
        try (var apps = Files.list(dir.resolve("embedded/spark/work"))) {
            List<Path> executors = apps.flatMap(app -> {
                try {
                    return Files.list(app);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(2, executors.size(), "two executors: " + executors);
        }
        assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive), "the embedded cluster is stopped");
    }
}
