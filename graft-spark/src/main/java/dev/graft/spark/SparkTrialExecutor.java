package dev.graft.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.executor.ExecutorSetup;
import dev.graft.core.executor.PortableInputs;
import dev.graft.core.trial.EvaluationSets;
import dev.graft.core.trial.Pretrained;
import dev.graft.core.executor.RunListener;
import dev.graft.core.executor.TrialExecutor;
import dev.graft.core.executor.TrialInputs;
import dev.graft.core.executor.TrialJob;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.GraftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * The orchestrator's side of {@code --executor spark}. Each trial is one Spark job of one task,
 * submitted from a pool of threads so that results arrive as trials end, in whatever order; every
 * record, every start and every retry reaches the orchestrator's thread through one queue, so the
 * results database keeps a single writer. The target's examples and the pretrained backbones go
 * to executors through Spark's file distribution, content-addressed and checked on arrival
 * ({@link Artefact}); finished trials are never shipped.
 */
final class SparkTrialExecutor implements TrialExecutor {
    /** The local property naming the trial a Spark job trains. */
    static final String TRIAL = "graft.trial";

    private sealed interface Event permits Started, AttemptFailed, Epoch, Done {
        String trialId();
    }

    private record Epoch(String trialId, String json) implements Event {}

    private record Started(String trialId, String executor, int attempt) implements Event {}

    private record AttemptFailed(String trialId, String executor, String reason) implements Event {}

    private record Done(String trialId, String json, Throwable failure) implements Event {}

    private final ExecutorSetup setup;
    private final TrialJob job;
    private final EmbeddedCluster cluster;
    private final JavaSparkContext spark;
    private final Path staging;
    private final ExecutorService submitter;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<Integer, String> trialOfStage = new ConcurrentHashMap<>();
    private final Map<Object, Artefact> staged = new IdentityHashMap<>();
    private final Set<String> distributed = new HashSet<>();
    private final ObjectMapper json = new ObjectMapper();
    /** The files backbone configs name, shipped with the first round. */
    private ShippedFiles files;
    /** The run's plugin jars from outside Graft's class path, shipped with the first round. */
    private List<Artefact> pluginJars;
    private final EpochChannel epochs;

    private SparkTrialExecutor(ExecutorSetup setup, TrialJob job, EmbeddedCluster cluster, JavaSparkContext spark, Path staging, int concurrent) {
        this.setup = setup;
        this.job = job;
        this.cluster = cluster;
        this.spark = spark;
        this.staging = staging;
        this.submitter = Executors.newFixedThreadPool(concurrent, runnable -> {
            Thread thread = new Thread(runnable, "graft-spark-submit");
            thread.setDaemon(true);
            return thread;
        });
        spark.sc().addSparkListener(new Listener());
        EpochChannel channel;
        try {
            channel = new EpochChannel(spark.getConf().get("spark.driver.host"), (trial, line) -> events.add(new Epoch(trial, line)));
        } catch (IOException | RuntimeException e) {
            setup.listener().info("spark: executors cannot report epochs (" + e.getMessage() + "); trials report when they end");
            channel = null;
        }
        this.epochs = channel;
    }

    /**
     * Starts the Spark application (and, for {@code embedded[N]}, the cluster it runs on).
     *
     * @param setup the run's job and options
     * @return the executor
     * @throws IOException if the embedded cluster or the staging directory cannot be made
     */
    static SparkTrialExecutor start(ExecutorSetup setup) throws IOException {
        SparkSettings settings = SparkSettings.of(setup.options(), "graft " + Path.of(setup.job().descriptorFile()).getFileName(),
                setup.job().verbose());
        Path sparkDir = Path.of(setup.job().outDir()).resolve("spark");
        Files.createDirectories(sparkDir);
        EmbeddedCluster cluster = null;
        SparkConf conf = settings.conf();
        if (settings.embeddedExecutors() > 0) {
            setup.listener().info("spark: starting an embedded standalone cluster (a Master and a Worker offering "
                    + settings.embeddedExecutors() + " executors) on 127.0.0.1; logs in " + sparkDir);
            cluster = new EmbeddedCluster(settings.embeddedExecutors(), settings.taskCpus(), settings.executorMemoryMb(), sparkDir,
                    SparkSettings.classPath());
            conf.setMaster(cluster.masterUrl());
        }
        JavaSparkContext spark;
        try {
            spark = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            throw new GraftException("spark: the application could not start on " + conf.get("spark.master") + ": " + e.getMessage(), e);
        }
        spark.setLogLevel("WARN");
        setup.listener().info("spark: application " + spark.sc().applicationId() + " on " + conf.get("spark.master") + ", "
                + settings.taskCpus() + " core(s) and " + settings.threads() + " PyTorch thread(s) per trial");
        Path staging = Files.createTempDirectory(sparkDir, "artefacts-");
        return new SparkTrialExecutor(setup, setup.job().withThreads(settings.threads()), cluster, spark, staging, settings.concurrentTrials());
    }

    @Override
    public void run(List<Trial> trials, TrialInputs inputs, RunListener listener, Finisher finisher) throws IOException {
        Map<String, Trial> byId = new LinkedHashMap<>();
        trials.forEach(t -> byId.put(t.id(), t));
        Artefact pool = stage(inputs.pool(), () -> "the target's training examples (" + inputs.pool().origin() + ")",
                () -> PortableInputs.examples(inputs.pool()));
        Artefact test = stage(inputs.test(), () -> "the target's test examples (" + inputs.test().origin() + ")",
                () -> PortableInputs.examples(inputs.test()));
        if (files == null) {
            files = ShippedFiles.of(inputs.files());
            for (ShippedFiles.Entry entry : files.entries()) {
                distribute(entry.content(), Path.of(entry.root()).resolve(entry.relative()));
            }
            List<Artefact> jars = new java.util.ArrayList<>();
            for (String jar : job.pluginJars()) {
                Artefact artefact = Artefact.ofFile("plugin jar " + jar, Path.of(jar));
                distribute(artefact, Path.of(jar));
                jars.add(artefact);
            }
            pluginJars = List.copyOf(jars);
        }
        for (Trial trial : trials) {
            Pretrained weights = inputs.weights(trial);
            Artefact weightsArtefact = weights == null ? null : stage(weights, () -> "pretrained backbone " + weights.key(),
                    () -> PortableInputs.pretrained(weights, setup.mapper()));
            List<TrialTask.ShippedSet> sets = new java.util.ArrayList<>();
            for (EvaluationSets.Scored set : inputs.evaluations().of(trial)) {
                Artefact examples = stage(set.examples(), () -> "evaluation set " + set.name() + " (" + set.examples().origin() + ")",
                        () -> PortableInputs.examples(set.examples()));
                sets.add(new TrialTask.ShippedSet(set.name(), examples, set.underSourceHead()));
            }
            TrialTask task = new TrialTask(job, pool, test, sets, weightsArtefact, files, pluginJars, epochs == null ? null : epochs.address());
            submitter.submit(() -> submit(trial.id(), task));
        }
        Set<String> started = new HashSet<>();
        Set<String> ended = new HashSet<>();
        Map<String, Integer> failedAttempts = new HashMap<>();
        int outstanding = trials.size();
        try {
            while (outstanding > 0) {
                Event event = events.take();
                if (!byId.containsKey(event.trialId()) || ended.contains(event.trialId())) {
                    continue; // another round's, or a late line of an ended trial (a speculative copy's)
                }
                if (event instanceof Started s) {
                    if (started.add(s.trialId())) {
                        listener.trialStarted(byId.get(s.trialId()));
                    } else {
                        listener.info("spark: trial " + s.trialId() + " runs again (attempt " + (s.attempt() + 1) + ") on executor "
                                + s.executor());
                    }
                } else if (event instanceof AttemptFailed f) {
                    failedAttempts.merge(f.trialId(), 1, Integer::sum);
                    listener.info("spark: an attempt at trial " + f.trialId() + " failed on executor " + f.executor() + ": " + f.reason());
                } else if (event instanceof Epoch e && started.contains(e.trialId())) {
                    epochFinished(listener, byId.get(e.trialId()), e.json());
                } else if (event instanceof Done d) {
                    Trial trial = byId.get(d.trialId());
                    if (started.add(d.trialId())) {
                        listener.trialStarted(trial);
                    }
                    outstanding--;
                    ended.add(d.trialId());
                    finisher.finished(trial, d.failure() == null ? json.readValue(d.json(), TrialRecord.class)
                            : setup.failed(trial, "every attempt Spark made at this trial failed outside the trial's own code ("
                                    + attempts(failedAttempts.getOrDefault(d.trialId(), 0), d.failure()) + " attempts): "
                                    + firstLine(d.failure())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraftException("interrupted while waiting for Spark", e);
        }
    }

    /** Shows an executor's epoch line; a line that does not parse is dropped (progress only, from the network). */
    private void epochFinished(RunListener listener, Trial trial, String line) {
        EpochMetrics metrics;
        try {
            metrics = json.readValue(line, EpochMetrics.class);
        } catch (IOException e) {
            return;
        }
        listener.epochFinished(trial, metrics);
    }

    /** Runs one trial as a Spark job of one task (on a submitter thread) and queues what came back. */
    private void submit(String trialId, TrialTask task) {
        try {
            spark.setLocalProperty(TRIAL, trialId);
            spark.setJobDescription("graft trial " + trialId);
            List<String> answer = spark.parallelize(List.of(trialId), 1).map(task).collect();
            events.add(new Done(trialId, answer.get(0), null));
        } catch (Throwable e) {
            events.add(new Done(trialId, null, e));
        }
    }

    /** Stages an input once per run (by identity: the same examples every round), content-addressed, and hands it to Spark. */
    private Artefact stage(Object input, Supplier<String> what, Supplier<byte[]> bytes) throws IOException {
        Artefact known = staged.get(input);
        if (known != null) {
            return known;
        }
        byte[] content = bytes.get();
        Artefact artefact = Artefact.of(what.get(), content);
        if (distributed.add(artefact.sha256())) {
            Path file = staging.resolve(artefact.fileName());
            Files.write(file, content);
            spark.addFile(file.toString());
        }
        staged.put(input, artefact);
        return artefact;
    }

    /** Hands a file a backbone config names to Spark under its content address (a link, or a copy, in the staging directory). */
    private void distribute(Artefact artefact, Path file) throws IOException {
        if (distributed.add(artefact.sha256())) {
            Path staged = staging.resolve(artefact.fileName());
            try {
                Files.createLink(staged, file);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, staged);
            }
            spark.addFile(staged.toString());
        }
    }

    private static final java.util.regex.Pattern FAILED_TIMES = java.util.regex.Pattern.compile("failed (\\d+) times");

    /**
     * How many attempts failed: the listener's count, or Spark's own in the job's failure ("Task 0
     * in stage 5.0 failed 2 times"), whichever is larger. The listener hears a task's end on
     * Spark's event thread, which may lag the job's failure by the last attempt.
     */
    static int attempts(int heard, Throwable failure) {
        java.util.regex.Matcher m = FAILED_TIMES.matcher(String.valueOf(failure.getMessage()));
        return m.find() ? Math.max(heard, Integer.parseInt(m.group(1))) : heard;
    }

    private static String firstLine(Throwable e) {
        return firstLine(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private static String firstLine(String message) {
        message = message.replaceFirst("^Job aborted due to stage failure: ", "");
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Tells the orchestrator's thread when a trial's task starts and when an attempt fails. */
    private final class Listener extends SparkListener {
        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            String trial = jobStart.properties() == null ? null : jobStart.properties().getProperty(TRIAL);
            if (trial != null) {
                for (Object stage : scala.jdk.javaapi.CollectionConverters.asJava(jobStart.stageIds())) {
                    trialOfStage.put((Integer) stage, trial);
                }
            }
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart taskStart) {
            String trial = trialOfStage.get(taskStart.stageId());
            if (trial != null) {
                events.add(new Started(trial, taskStart.taskInfo().executorId(), taskStart.taskInfo().attemptNumber()));
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            String trial = trialOfStage.get(taskEnd.stageId());
            if (trial != null && taskEnd.reason() instanceof TaskFailedReason failed) {
                events.add(new AttemptFailed(trial, taskEnd.taskInfo().executorId(), firstLine(failed.toErrorString())));
            }
        }
    }

    @Override
    public java.util.OptionalInt threads() {
        return java.util.OptionalInt.of(job.threads());
    }

    @Override
    public void close() {
        if (epochs != null) {
            epochs.close();
        }
        submitter.shutdownNow();
        try {
            spark.cancelAllJobs();
            spark.stop();
        } finally {
            try {
                submitter.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (cluster != null) {
                cluster.close();
            }
            try {
                dev.graft.spi.FileTrees.delete(staging);
            } catch (IOException e) {
                // staged artefacts are copies: a leftover is harmless
            }
        }
    }
}
