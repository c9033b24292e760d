package dev.graft.core.executor;

import dev.graft.core.trial.Environment;
import dev.graft.core.trial.LibraryLogging;
import dev.graft.core.trial.RunDefinition;
import dev.graft.core.trial.TrialData;
import dev.graft.core.trial.TrialDirectory;
import dev.graft.core.trial.TrialRunner;
import static java.util.Objects.requireNonNull;

import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.PluginPath;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochListener;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trains a run's trials by id in whatever process it lives in: the orchestrator's (in-process),
 * a local worker process, a Spark executor. A host rebuilt from a {@link TrialJob} has the same
 * plugins, the same expanded trials and the same trial runner as the orchestrator, so a trial
 * gives the same numbers wherever it trains (with the same PyTorch threads per operation).
 */
public final class TrialHost {
    private final RunDefinition definition;
    private final TrialJob job;
    private final TrialRunner runner;

    private TrialHost(RunDefinition definition, TrialJob job) {
        this.definition = requireNonNull(definition, "definition is null");
        this.job = requireNonNull(job, "job is null");
        this.runner = definition.trialRunner(Path.of(job.cacheDir()));
    }

    /**
     * A host in the orchestrator's own process, on the definition it already has.
     *
     * @param definition the run
     * @param job the run's job (its cache directory and plugin jars)
     * @return the host
     */
    public static TrialHost local(RunDefinition definition, TrialJob job) {
        return new TrialHost(definition, job);
    }

    /**
     * Rebuilds a run in this process: libraries' logging and PyTorch's threads per operation as
     * the job says, its plugin modules, its descriptor and its trials. Reads no data.
     *
     * @param job the run's job
     * @return the host
     * @throws GraftException if a plugin module cannot be loaded
     */
    public static TrialHost open(TrialJob job) {
        LibraryLogging.configure(job.verbose());
        Environment.setIntraOpThreads(job.threads());
        PluginPath path = pluginPath(job);
        ClassLoader loader = path.classLoader();
        List<com.google.inject.Module> modules = new ArrayList<>();
        for (String name : job.modules()) {
            try {
                modules.add((com.google.inject.Module) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new GraftException("plugin module " + name + " cannot be loaded in this process (" + e + "); "
                        + "every process that trains needs Graft's class path and the orchestrator's plugin jars ("
                        + String.join(", ", job.pluginJars()) + ")", e);
            }
        }
        Plugins plugins = Plugins.of(modules, path);
        Descriptor descriptor = new DescriptorReader(plugins).read(Path.of(job.descriptorFile()), job.descriptorText());
        return new TrialHost(new RunDefinition(plugins, descriptor, job.featureCache()), job);
    }

    /** @return the run this host trains trials of */
    public RunDefinition definition() {
        return definition;
    }

    /** @return the class loader of the run's plugins (Graft's own, and the job's plugin jars) */
    public ClassLoader classLoader() {
        return pluginPath(job).classLoader();
    }

    /** The job's plugin jars as a plugin path (its class loader is made once per list of jars in a process). */
    private static PluginPath pluginPath(TrialJob job) {
        return PluginPath.ofJars(job.pluginJars().stream().map(Path::of).toList());
    }

    /**
     * Loads the target's data from the orchestrator's data directories (a process on the same
     * machine, or one that sees the same files).
     *
     * @return the target's pool and test split, checked as the orchestrator checks them
     */
    public RunDefinition.Prepared prepare() {
        DataContext context = new DataContext(job.dataDirs().stream().map(Path::of).toList(),
                Optional.ofNullable(job.bundledDataDir()).map(Path::of), Path.of(job.descriptorDir()));
        return definition.prepare(context);
    }

    /**
     * Says where the files backbone configs name are in this process, before any trial here builds
     * a backbone (an executor on another machine reads the copies it was given).
     *
     * @param files where they are
     */
    public void locateFiles(dev.graft.spi.backbone.BackboneContext.Files files) {
        definition.components().locateFiles(files);
    }

    /** @return the run's config mapper (it knows every plugin's config types) */
    public com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return definition.mapper();
    }

    /**
     * @param id a trial id
     * @return the trial
     * @throws GraftException if this run has no such trial (the host was built from another descriptor)
     */
    public Trial trial(String id) {
        return definition.trial(id);
    }

    /**
     * Trains one trial; its per-epoch metrics go to {@code trialDir/epochs.csv} and its checkpoint
     * to {@code trialDir/checkpoint.bin}.
     *
     * @param trial the trial
     * @param data what it trains and is scored on
     * @param trialDir the trial's directory
     * @param epochs told after each epoch
     * @return its record, finished or failed (a trial that throws is a failed record)
     * @throws IOException if the trial's directory cannot be written
     */
    public TrialRecord run(Trial trial, TrialData data, Path trialDir, EpochListener epochs) throws IOException {
        return new TrialDirectory(trialDir).train(runner, trial, data, epochs);
    }
}
