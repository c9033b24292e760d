package dev.graft.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorException;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.PretrainRecord;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.LabeledImages;
import dev.graft.spi.data.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
    private final Components components;
    private boolean featureCacheOn = true;

    /**
     * @param plugins the installed plugins
     */
    public ExperimentRunner(Plugins plugins) {
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.mapper = plugins.mapper();
        this.components = new Components(plugins.registry());
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
        DataCatalog catalog = new DataCatalog(plugins.registry(), mapper, dataContext);
        ExperimentChecks.check(descriptor, catalog);
        SweepExpander expander = new SweepExpander(mapper);
        List<Trial> trials = expander.expand(experiment);
        listener.info("loading target data");
        LabeledImages pool = catalog.load(experiment.target().data(), Split.TRAIN);
        LabeledImages test = catalog.load(experiment.target().data(), Split.TEST);
        if (experiment.target().testSamplesPerClass() != null) {
            test = PerClassSampler.firstPerClass(test, experiment.target().testSamplesPerClass());
        }
        listener.info("target: " + pool.size() + " training-pool and " + test.size() + " test examples, classes " + pool.classNames());
        requireEnoughExamples(descriptor, pool);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new GraftException(outDir + ": cannot create the run directory: " + e.getMessage(), e);
        }
        try (FileChannel lockChannel = FileChannel.open(outDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockChannel.tryLock();
                ResultStore store = ResultStore.open(outDir.resolve("results.db"))) {
            if (lock == null) {
                throw new GraftException(outDir + " is in use by another 'graft run'");
            }
            String recorded = store.meta("experiment").orElse(experiment.name());
            if (!recorded.equals(experiment.name())) {
                throw new GraftException(outDir + " holds the results of experiment '" + recorded + "', not '" + experiment.name()
                        + "'; run into another directory with --out");
            }
            store.putMeta("experiment", experiment.name());
            store.putMeta("description", experiment.description());
            store.putMeta("descriptor_file", descriptor.file().toString());
            store.putMeta("descriptor", descriptor.text());
            store.putMeta("plan", mapper.writeValueAsString(trials.stream().map(Trial::id).toList()));
            store.putMeta("seeds", experiment.seeds().toString());
            Set<String> finished = store.finishedTrialIds();
            int alreadyFinished = (int) trials.stream().filter(t -> finished.contains(t.id())).count();
            listener.trialsPlanned(trials.size(), alreadyFinished);


            List<String> backboneLabels = expander.backboneLabels(experiment);
            PretrainedBackbones pretrainedBackbones = new PretrainedBackbones(cacheDir, components, catalog, mapper, listener);
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
            new SimilarityStage(components, catalog, mapper, listener).run(experiment, backboneLabels, pretrainedBackbones, pool, store);

            // a quarter of the heap for features in memory; tables over 64 MiB also go to disk
            FeatureCache features = featureCacheOn
                    ? new FeatureCache(cacheDir.resolve("features"), Runtime.getRuntime().maxMemory() / 4, 64L << 20) : null;
            TrialRunner runner = new TrialRunner(components, mapper, features);
            int done = 0;
            int failed = 0;
            for (Trial trial : trials) {
                if (finished.contains(trial.id())) {
                    continue;
                }
                listener.trialStarted(trial);
                Path trialDir = outDir.resolve("trials").resolve(trial.id());
                Files.createDirectories(trialDir);
                Pretrained weights = trial.spec().kind() == TrialKind.transfer ? pretrained.get(trial.spec().backbone()) : null;
                TrialRecord record;
                try (Writer metrics = Files.newBufferedWriter(trialDir.resolve("epochs.csv"), StandardCharsets.UTF_8)) {
                    metrics.write("epoch,train_loss,train_accuracy,validation_accuracy,validation_loss,seconds,training_groups\n");
                    record = runner.run(trial, pool, test, weights, epoch -> writeEpoch(metrics, epoch), trialDir.resolve("checkpoint.bin"));
                }
                store.recordTrial(record);
                // recorded: a rerun of a failed trial starts over
                Files.deleteIfExists(trialDir.resolve("checkpoint.bin"));
                Files.writeString(trialDir.resolve("trial.json"), mapper.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(mapper.readTree(record.provenanceJson())), StandardCharsets.UTF_8);
                if (record.status() == TrialStatus.failed) {
                    failed++;
                    Files.writeString(trialDir.resolve("error.txt"), record.error() + "\n", StandardCharsets.UTF_8);
                } else {
                    done++;
                }
                listener.trialFinished(trial, record);
            }
            return new RunSummary(trials.size(), alreadyFinished, done, failed, (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails before any trial when a labelled-data size asks for more examples than a class has. */
    private static void requireEnoughExamples(Descriptor descriptor, LabeledImages pool) {
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

    private static void writeEpoch(Writer out, EpochMetrics epoch) {
        try {
            out.write(epoch.epoch() + "," + epoch.trainLoss() + "," + epoch.trainAccuracy() + "," + epoch.validationAccuracy() + ","
                    + epoch.validationLoss() + ","
                    + epoch.seconds() + "," + String.join(";", epoch.trainingGroups()) + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
