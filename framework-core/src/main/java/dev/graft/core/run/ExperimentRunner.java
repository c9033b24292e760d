package dev.graft.core.run;

import dev.graft.core.executor.ExecutorSetup;
import dev.graft.core.executor.InProcessExecutor;
import dev.graft.core.executor.RunListener;
import dev.graft.core.executor.TrialExecutor;
import dev.graft.core.executor.TrialExecutorFactory;
import dev.graft.core.executor.TrialExecutors;
import dev.graft.core.executor.TrialInputs;
import dev.graft.core.executor.TrialJob;
import dev.graft.core.executor.TrialWorkers;
import dev.graft.core.trial.Components;
import dev.graft.core.trial.Environment;
import dev.graft.core.trial.LibraryLogging;
import dev.graft.core.trial.NarrowConvolutions;
import dev.graft.core.trial.Pretrained;
import dev.graft.core.trial.RunDefinition;
import dev.graft.core.trial.TrialDirectory;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorException;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.descriptor.SeedPlan;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.PretrainRecord;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialLabels;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orchestrator: checks the descriptor against the data, expands the sweep, pretrains the
 * source backbones (cached), computes similarity metrics, then runs every trial that has not
 * finished before, recording each in the result store in one transaction as it ends. The only
 * writer of the store; a lock file keeps a second run off the same directory.
 */
public final class ExperimentRunner {
    private final Plugins plugins;
    private final ObjectMapper mapper;
    private boolean featureCacheOn = true;
    private String executor = InProcessExecutor.Factory.NAME;
    private Map<String, String> executorOptions = Map.of();
    private boolean verbose;

    /**
     * @param plugins the installed plugins
     */
    public ExperimentRunner(Plugins plugins) {
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.mapper = plugins.mapper();
    }

    /**
     * Turns the feature cache on (the default) or off. With it, trials whose backbone stays
     * frozen and sees no augmentation train their heads on features computed once per backbone
     * and dataset, kept in memory and, when large, in {@code <cache>/features/}.
     *
     * @param on whether to use it
     * @return this runner
     */
    public ExperimentRunner featureCache(boolean on) {
        this.featureCacheOn = on;
        return this;
    }

    /**
     * Runs trials in {@code workers} processes at a time, each with {@code threads} PyTorch threads
     * per operation; this process stays the only writer of the results. A trial gives the same
     * numbers in a worker as in a sequential run with the same threads per operation.
     *
     * @param workers worker processes (1: trials run one after another in this process)
     * @param threads PyTorch threads per operation in each worker
     * @return this runner
     */
    public ExperimentRunner workers(int workers, int threads) {
        if (workers < 1 || threads < 1) {
            throw new IllegalArgumentException("workers and threads must be at least 1");
        }
        return workers == 1 ? executor(InProcessExecutor.Factory.NAME, Map.of())
                : executor(TrialWorkers.Factory.NAME, Map.of(TrialWorkers.Factory.WORKERS, Integer.toString(workers),
                        TrialWorkers.Factory.THREADS, Integer.toString(threads)));
    }

    /**
     * Chooses where trials train ({@link TrialExecutorFactory}, found with ServiceLoader); this
     * process stays the only writer of the results.
     *
     * @param name the executor's name ({@code in-process}, {@code workers}, {@code spark}, ...)
     * @param options its options by key
     * @return this runner
     * @throws GraftException if no executor has that name, or it refuses an option
     */
    public ExperimentRunner executor(String name, Map<String, String> options) {
        TrialExecutors.named(name).check(options);
        this.executor = name;
        this.executorOptions = Map.copyOf(options);
        return this;
    }

    /**
     * Whether worker processes show libraries' information lines ({@link LibraryLogging}); this
     * process's own logging is set by whoever started it.
     *
     * @param on whether to show them
     * @return this runner
     */
    public ExperimentRunner verbose(boolean on) {
        this.verbose = on;
        return this;
    }

    private TrialJob job(RunDefinition definition, DataContext dataContext, Path outDir, Path cacheDir) {
        Descriptor descriptor = definition.descriptor();
        return new TrialJob(plugins.modules(), plugins.path().jars().stream().map(Path::toString).toList(), descriptor.file().toString(), descriptor.text(),
                dataContext.dataDirs().stream().map(Path::toString).toList(), dataContext.bundledDataDir().map(Path::toString).orElse(null),
                dataContext.descriptorDir().toString(), outDir.toAbsolutePath().toString(), cacheDir.toAbsolutePath().toString(),
                definition.featureCache(), Environment.intraOpThreads(), verbose);
    }

    /**
     * @param descriptor the parsed descriptor
     * @param outDir the run directory ({@code results.db}, {@code trials/})
     * @param cacheDir the cache root for pretrained backbones
     * @param dataContext where datasets are looked for
     * @param listener progress
     * @return what was run
     */
    public RunSummary run(Descriptor descriptor, Path outDir, Path cacheDir, DataContext dataContext, RunListener listener) {
        long started = System.nanoTime();
        Experiment experiment = descriptor.experiment();
        RunDefinition definition = new RunDefinition(plugins, descriptor, featureCacheOn);
        listener.info("loading target data");
        RunDefinition.Prepared prepared = definition.prepare(dataContext);
        listener.info("target: " + prepared.pool().size() + " training-pool and " + prepared.test().size() + " test examples, classes "
                + prepared.pool().classNames());
        requireEnoughExamples(descriptor, prepared.pool());
        try (RunDirectory run = RunDirectory.open(outDir)) {
            recordDescriptor(run.store(), outDir, descriptor, definition.trials());
            Recorder recorder = new Recorder(run.store(), outDir, listener);
            SeedRounds rounds = new SeedRounds(experiment, definition.trials(), mapper);
            SeedRounds.Round round = rounds.next(recorder.results, recorder.tried);
            run.store().putMeta("plan", mapper.writeValueAsString(round.plan().stream().map(Trial::id).toList()));
            listener.trialsPlanned(round.plan().size(), round.plan().size() - round.toRun().size());
            unscoredSets(experiment, recorder.results).ifPresent(listener::info);
            boolean sequential = experiment.seeds() instanceof SeedPlan.Sequential;
            ExecutorSetup setup = new ExecutorSetup(job(definition, dataContext, outDir, cacheDir),
                    sequential ? Integer.MAX_VALUE : round.toRun().size(), executorOptions, listener, definition);
            // started before pretraining, so that its start-up overlaps it
            try (TrialExecutor trialExecutor = round.toRun().isEmpty() ? null : TrialExecutors.named(executor).start(setup);
                    // pretraining and similarity metrics here with the trials' threads per operation (the count
                    // changes numbers): the backbones are the ones a sequential run with that count pretrains
                    Environment.ThreadsScope ignored = Environment.useIntraOpThreads(
                            trialExecutor == null ? java.util.OptionalInt.empty() : trialExecutor.threads())) {
                if (!round.toRun().isEmpty()) {
                    NarrowConvolutions.warnings(definition.components(), experiment.sweep().backbone(), new SweepExpander(mapper).backboneLabels(experiment),
                            prepared.pool()).forEach(listener::info);
                }
                TrialInputs inputs = pretrainAndMeasure(definition, prepared, cacheDir, run.store(), listener);
                while (!round.toRun().isEmpty()) {
                    if (sequential) {
                        listener.roundPlanned(round.plan().size(), round.toRun().size(), round.seeds(), round.open(), round.strategies());
                    }
                    for (Trial trial : round.toRun()) {
                        TrialDirectory.of(outDir, trial.id()).startAttempt();
                    }
                    trialExecutor.run(round.toRun(), inputs, listener, recorder);
                    round = rounds.next(recorder.results, recorder.tried);
                    run.store().putMeta("plan", mapper.writeValueAsString(round.plan().stream().map(Trial::id).toList()));
                }
            }
            return recorder.summary(round.plan(), (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A run directory held for one {@code graft run}: its lock (a second run into it is refused)
     * and its result store.
     */
    private record RunDirectory(FileChannel lockChannel, FileLock lock, ResultStore store) implements AutoCloseable {
        static RunDirectory open(Path outDir) throws IOException {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                throw new GraftException(outDir + ": cannot create the run directory: " + e.getMessage(), e);
            }
            FileChannel channel = FileChannel.open(outDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new GraftException(outDir + " is in use by another 'graft run'");
            }
            try {
                return new RunDirectory(channel, lock, ResultStore.open(outDir.resolve("results.db")));
            } catch (RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                store.close();
            } finally {
                lock.release();
                lockChannel.close();
            }
        }
    }

    /** Checks the store is this experiment's and records the descriptor; results recorded under other labels show the plan's. */
    private void recordDescriptor(ResultStore store, Path outDir, Descriptor descriptor, List<Trial> trials) throws IOException {
        Experiment experiment = descriptor.experiment();
        String recorded = store.meta("experiment").orElse(experiment.name());
        if (!recorded.equals(experiment.name())) {
            throw new GraftException(outDir + " holds the results of experiment '" + recorded + "', not '" + experiment.name()
                    + "'; run into another directory with --out");
        }
        store.putMeta("experiment", experiment.name());
        store.putMeta("description", experiment.description());
        store.putMeta("descriptor_file", descriptor.file().toString());
        store.putMeta("descriptor", descriptor.text());
        store.putMeta("seeds", experiment.seeds().toString());
        store.putMeta("decision", mapper.writeValueAsString(experiment.decisionRule()));
        Map<String, TrialLabels> labels = new LinkedHashMap<>();
        trials.forEach(t -> labels.put(t.id(), t.labels()));
        store.relabel(labels);
    }

    /** Pretrains (or finds cached) every backbone with a pretrain block, computes the similarity metrics, and gathers the trials' inputs. */
    private TrialInputs pretrainAndMeasure(RunDefinition definition, RunDefinition.Prepared prepared, Path cacheDir, ResultStore store,
            RunListener listener) throws IOException {
        Experiment experiment = definition.descriptor().experiment();
        Components components = definition.components();
        List<String> backboneLabels = new SweepExpander(mapper).backboneLabels(experiment);
        PretrainedBackbones pretrainedBackbones = new PretrainedBackbones(cacheDir, components, prepared.catalog(), mapper, listener);
        Map<BackboneSpec, Pretrained> pretrained = new LinkedHashMap<>();
        for (int b = 0; b < experiment.sweep().backbone().size(); b++) {
            BackboneSpec spec = experiment.sweep().backbone().get(b);
            if (spec.pretrain() != null) {
                Pretrained weights = pretrainedBackbones.get(spec, backboneLabels.get(b));
                pretrained.put(spec, weights);
                store.recordPretraining(new PretrainRecord(weights.key(), backboneLabels.get(b), weights.sourceAccuracy(),
                        weights.seconds(), weights.cached(), mapper.writeValueAsString(weights.provenance())));
            }
        }
        new SimilarityStage(components, prepared.catalog(), mapper, listener).run(experiment, backboneLabels, pretrainedBackbones,
                prepared.pool(), store);
        Set<Path> files = new java.util.LinkedHashSet<>();
        experiment.sweep().backbone().forEach(spec -> files.addAll(components.backboneFiles(spec.architecture())));
        return new TrialInputs(prepared.pool(), prepared.test(), pretrained, List.copyOf(files), prepared.evaluations());
    }

    /**
     * Records each trial the executor hands back, once (a retried or speculative copy's second
     * answer is dropped), in the store and its trial directory, and counts them.
     */
    private final class Recorder implements TrialExecutor.Finisher {
        private final ResultStore store;
        private final Path outDir;
        private final RunListener listener;
        final Map<String, TrialRecord> results = new HashMap<>();
        final Set<String> tried = new HashSet<>();
        private final Set<String> finishedBefore;
        private int finished;
        private int failed;

        Recorder(ResultStore store, Path outDir, RunListener listener) {
            this.store = store;
            this.outDir = outDir;
            this.listener = listener;
            store.trials().forEach(t -> results.put(t.trialId(), t));
            this.finishedBefore = store.finishedTrialIds();
        }

        @Override
        public void finished(Trial trial, TrialRecord record) throws IOException {
            if (!record.trialId().equals(trial.id())) {
                throw new IllegalStateException("the executor answered " + record.trialId() + " for " + trial.id());
            }
            if (!tried.add(trial.id())) {
                listener.info("trial " + trial.id() + " was answered twice; the second answer is dropped");
                return;
            }
            store.recordTrial(record);
            TrialDirectory.of(outDir, trial.id()).recorded(record, mapper);
            results.put(trial.id(), record);
            if (record.status() == TrialStatus.failed) {
                failed++;
            } else {
                finished++;
            }
            listener.trialFinished(trial, record);
        }

        RunSummary summary(List<Trial> plan, double seconds) {
            int alreadyFinished = (int) plan.stream().filter(t -> finishedBefore.contains(t.id()) && !tried.contains(t.id())).count();
            return new RunSummary(plan.size(), alreadyFinished, finished, failed, seconds);
        }
    }

    /**
     * Trials recorded before an evaluation set was added to the descriptor were not scored on it
     * (a finished trial is not trained again): says how many, so that a report missing their
     * scores there is expected.
     */
    private java.util.Optional<String> unscoredSets(Experiment experiment, Map<String, TrialRecord> recorded) {
        Set<String> missing = new java.util.TreeSet<>();
        int trials = 0;
        for (TrialRecord record : recorded.values()) {
            if (record.status() != TrialStatus.finished) {
                continue;
            }
            // a scratch trial has no source task
            List<String> lacking = experiment.evaluate().entrySet().stream()
                    .filter(e -> !(record.kind().equals("scratch") && plugins.registry()
                            .<dev.graft.spi.evaluate.EvaluationSetFactory<dev.graft.spi.evaluate.EvaluationConfig>>factoryFor(
                                    dev.graft.spi.PluginFamily.EVALUATION, e.getValue()).sourceTask(e.getValue())))
                    .map(Map.Entry::getKey).filter(set -> record.evaluation(set).isEmpty()).toList();
            if (!lacking.isEmpty()) {
                trials++;
                missing.addAll(lacking);
            }
        }
        return trials == 0 ? java.util.Optional.empty() : java.util.Optional.of("warning: " + trials + " trials recorded before evaluation sets "
                + missing + " were added are not scored on them (finished trials do not train again); run into another directory "
                + "to score every trial on every set");
    }

    /** Fails before any trial when a labelled-data size asks for more examples than a class has. */
    private static void requireEnoughExamples(Descriptor descriptor, Examples pool) {
        int[] counts = pool.classCounts();
        List<Integer> sizes = descriptor.experiment().target().samplesPerClass();
        for (int i = 0; i < sizes.size(); i++) {
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] < sizes.get(i)) {
                    throw new DescriptorException(List.of(descriptor.errorAt("target.samplesPerClass[" + i + "]", "asks for " + sizes.get(i)
                            + " examples per class but class '" + pool.classNames().get(c) + "' has " + counts[c] + " in " + pool.origin())));
                }
            }
        }
    }
}
