package dev.graft.core.trial;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.Examples;
import dev.graft.spi.data.Split;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run is, derived the same way in every process that takes part in it: its plugins, its
 * descriptor, the trials the sweep expands to, the target's data as checked against them, and
 * the runner that trains one trial. The orchestrator builds one from the parsed descriptor; a
 * worker process or a Spark executor builds the same one from the run's job, and so never
 * touches the orchestrator.
 */
public final class RunDefinition {
    private final Plugins plugins;
    private final ObjectMapper mapper;
    private final Components components;
    private final Descriptor descriptor;
    private final boolean featureCache;
    private Map<String, Trial> trials;

    /**
     * @param plugins the installed plugins
     * @param descriptor the parsed descriptor
     * @param featureCache whether trials whose backbone stays frozen and sees no augmentation train
     *     their heads on features computed once per backbone and dataset
     */
    public RunDefinition(Plugins plugins, Descriptor descriptor, boolean featureCache) {
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.mapper = plugins.mapper();
        this.components = new Components(plugins.registry());
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
        this.featureCache = featureCache;
    }

    /** @return the installed plugins */
    public Plugins plugins() {
        return plugins;
    }

    /** @return the run's config mapper (it knows every plugin's config types) */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** @return plugin access by config */
    public Components components() {
        return components;
    }

    /** @return the parsed descriptor */
    public Descriptor descriptor() {
        return descriptor;
    }

    /** @return whether trials may train heads on cached features */
    public boolean featureCache() {
        return featureCache;
    }

    /** @return every trial of the sweep, in plan order */
    public List<Trial> trials() {
        return List.copyOf(expanded().values());
    }

    /** The sweep expanded once, when first asked (after the orchestrator's checks, which name fields better). */
    private synchronized Map<String, Trial> expanded() {
        if (trials == null) {
            trials = new LinkedHashMap<>();
            new SweepExpander(mapper).expand(descriptor.experiment()).forEach(t -> trials.put(t.id(), t));
        }
        return trials;
    }

    /**
     * @param id a trial id
     * @return the trial
     * @throws GraftException if this run has no such trial (the job was built from another descriptor)
     */
    public Trial trial(String id) {
        Trial trial = expanded().get(id);
        if (trial == null) {
            throw new GraftException("trial " + id + " is not one of this descriptor's trials");
        }
        return trial;
    }

    /**
     * Checks the descriptor against the data and loads the target's splits and evaluation sets.
     *
     * @param dataContext where datasets are looked for
     * @return the target's training pool and test split
     * @throws dev.graft.core.descriptor.DescriptorException naming the field when the data do not fit the descriptor
     */
    public Prepared prepare(DataContext dataContext) {
        Experiment experiment = descriptor.experiment();
        DataCatalog catalog = new DataCatalog(plugins.registry(), mapper, dataContext);
        ExperimentChecks.check(descriptor, catalog);
        Examples pool = catalog.load(experiment.target().data(), Split.TRAIN);
        Examples test = catalog.load(experiment.target().data(), Split.TEST);
        if (experiment.target().testSamplesPerClass() != null) {
            test = PerClassSampler.firstPerClass(test, experiment.target().testSamplesPerClass());
        }
        return new Prepared(pool, test, catalog, EvaluationSets.make(experiment, catalog, test));
    }

    /**
     * The target's data as every process of a run loads them.
     *
     * @param pool the target's training split, classes selected
     * @param test the target's test split, classes selected and capped
     * @param catalog the data access the pool and test came from
     * @param evaluations the sets every trial is scored on besides the test split
     */
    public record Prepared(Examples pool, Examples test, DataCatalog catalog, EvaluationSets evaluations) {}

    /**
     * The runner that trains this run's trials in this process, with a quarter of the heap for
     * cached features in memory; tables over 64 MiB also go to {@code <cache>/features/}.
     *
     * @param cacheDir the cache root in this process
     * @return the runner
     */
    public TrialRunner trialRunner(Path cacheDir) {
        requireNonNull(cacheDir, "cacheDir is null");
        FeatureCache features = featureCache
                ? new FeatureCache(cacheDir.resolve("features"), Runtime.getRuntime().maxMemory() / 4, 64L << 20) : null;
        return new TrialRunner(components, mapper, features);
    }

    /**
     * A failed record for a trial that could not report itself (its process died, or every
     * attempt at it failed outside the trial's own code).
     *
     * @param trial the trial
     * @param error why, in a sentence
     * @return the record
     */
    public dev.graft.core.store.TrialRecord failedRecord(Trial trial, String error) {
        return new TrialRunner(components, mapper).failedRecord(trial, error);
    }
}
