package dev.graft.core.executor;

import java.io.Serializable;
import java.util.List;

/**
 * What any process needs to rebuild a run and train its trials by id: the plugin modules, the
 * descriptor's text, where the data were found and the settings that change numbers. Written by
 * the orchestrator; read by local worker processes (as JSON) and shipped to Spark executors
 * (serialised). Nothing here refers to a trial's results.
 *
 * @param modules the plugin modules' class names
 * @param pluginJars plugin jars from outside Graft's class path the modules may be in (absolute paths
 *     where the process that trains finds them)
 * @param descriptorFile the descriptor's path on the orchestrator (for messages)
 * @param descriptorText the descriptor's text
 * @param dataDirs {@code --data-dir} directories on the orchestrator
 * @param bundledDataDir the bundled data directory on the orchestrator, or null
 * @param descriptorDir the descriptor's directory on the orchestrator
 * @param outDir the run directory on the orchestrator
 * @param cacheDir the cache directory on the orchestrator
 * @param featureCache whether trials may train heads on cached features
 * @param threads PyTorch threads per operation in each process that trains
 * @param verbose whether libraries' information lines are shown
 */
public record TrialJob(List<String> modules, List<String> pluginJars, String descriptorFile, String descriptorText, List<String> dataDirs, String bundledDataDir,
        String descriptorDir, String outDir, String cacheDir, boolean featureCache, int threads, boolean verbose) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrialJob {
        modules = List.copyOf(modules);
        pluginJars = List.copyOf(pluginJars);
        dataDirs = List.copyOf(dataDirs);
    }

    /**
     * @param threads PyTorch threads per operation
     * @return this job with another thread count
     */
    public TrialJob withThreads(int threads) {
        return new TrialJob(modules, pluginJars, descriptorFile, descriptorText, dataDirs, bundledDataDir, descriptorDir, outDir, cacheDir, featureCache,
                threads, verbose);
    }

    /**
     * @param cacheDir a cache directory in the process that trains (feature tables too large for memory go there)
     * @return this job with that cache directory
     */
    public TrialJob withCacheDir(String cacheDir) {
        return new TrialJob(modules, pluginJars, descriptorFile, descriptorText, dataDirs, bundledDataDir, descriptorDir, outDir, cacheDir, featureCache,
                threads, verbose);
    }

    /**
     * @param jars the plugin jars where the process that trains finds them (a Spark executor's copies)
     * @return this job with those jars
     */
    public TrialJob withPluginJars(List<String> jars) {
        return new TrialJob(modules, jars, descriptorFile, descriptorText, dataDirs, bundledDataDir, descriptorDir, outDir, cacheDir,
                featureCache, threads, verbose);
    }
}
