package dev.graft.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.executor.PortableInputs;
import dev.graft.core.trial.EvaluationSets;
import dev.graft.core.trial.Pretrained;
import dev.graft.core.trial.TrialData;
import dev.graft.core.executor.TrialHost;
import dev.graft.core.executor.TrialJob;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.data.Examples;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.Function;

/**
 * One trial on a Spark executor: the task's input is the trial id, its output the trial's record
 * as JSON. The executor JVM rebuilds the run once ({@link TrialHost#open}) and reads each
 * artefact once, after checking its hash; trials then train one at a time (one task per executor,
 * {@code spark.executor.cores} equal to {@code spark.task.cpus}).
 *
 * <p>What a trial throws is its failed record, as everywhere; what goes wrong around it (an
 * artefact that did not arrive intact, an {@link Error} from the JVM, the executor's death) fails
 * the attempt, and Spark runs the trial again.
 */
final class TrialTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per executor JVM: the run rebuilt once per job, artefacts read once. */
    private static final Map<TrialJob, TrialHost> HOSTS = new HashMap<>();
    private static final Map<String, Object> ARTEFACTS = new HashMap<>();

    private final TrialJob job;
    private final Artefact pool;
    private final Artefact test;
    private final List<ShippedSet> sets;
    private final Artefact weights;
    private final ShippedFiles files;
    private final List<Artefact> pluginJars;
    private final EpochChannel.Address progress;

    /**
     * An evaluation set the trial is scored on, shipped as its examples.
     *
     * @param name the set's name
     * @param examples its examples
     * @param underSourceHead whether it is the source task
     */
    record ShippedSet(String name, Artefact examples, boolean underSourceHead) implements java.io.Serializable {}

    TrialTask(TrialJob job, Artefact pool, Artefact test, List<ShippedSet> sets, Artefact weights, ShippedFiles files, List<Artefact> pluginJars,
            EpochChannel.Address progress) {
        this.sets = List.copyOf(sets);
        this.pluginJars = List.copyOf(pluginJars);
        this.progress = progress;
        this.job = job;
        this.pool = pool;
        this.test = test;
        this.weights = weights;
        this.files = files;
    }

    @Override
    public String call(String trialId) throws IOException {
        Path local = Path.of(SparkFiles.getRootDirectory());
        TrialHost host;
        Examples poolExamples;
        Examples testExamples;
        List<EvaluationSets.Scored> evaluations = new java.util.ArrayList<>();
        Pretrained pretrained;
        synchronized (TrialTask.class) {
            host = HOSTS.get(job);
            if (host == null) {
                // the plugin jars as they arrived here, each checked against its SHA-256
                List<String> jars = pluginJars.stream().map(jar -> jar.verify(Path.of(SparkFiles.get(jar.fileName()))).toString()).toList();
                host = TrialHost.open(job.withCacheDir(local.resolve("graft-cache").toString()).withPluginJars(jars));
                host.locateFiles(files.place(local.resolve("graft-files"), artefact -> Path.of(SparkFiles.get(artefact.fileName()))));
                HOSTS.put(job, host);
            }
            ClassLoader loader = host.classLoader();
            poolExamples = (Examples) ARTEFACTS.computeIfAbsent(pool.sha256(), h -> PortableInputs.examples(fetch(pool), loader));
            testExamples = (Examples) ARTEFACTS.computeIfAbsent(test.sha256(), h -> PortableInputs.examples(fetch(test), loader));
            for (ShippedSet set : sets) {
                Examples examples = (Examples) ARTEFACTS.computeIfAbsent(set.examples().sha256(),
                        h -> PortableInputs.examples(fetch(set.examples()), loader));
                evaluations.add(new EvaluationSets.Scored(set.name(), examples, set.underSourceHead()));
            }
            ObjectMapper mapper = host.mapper();
            pretrained = weights == null ? null
                    : (Pretrained) ARTEFACTS.computeIfAbsent(weights.sha256(), h -> PortableInputs.pretrained(fetch(weights), mapper));
        }
        Trial trial = host.trial(trialId);
        Path trialDir = Files.createTempDirectory(local, "trial-" + trialId + "-");
        Writer epochs = progress == null ? null : progress.connect();
        try {
            TrialRecord record = host.run(trial, new TrialData(poolExamples, testExamples, evaluations, pretrained), trialDir,
                    epoch -> send(epochs, trialId, epoch));
            return JSON.writeValueAsString(record);
        } finally {
            if (epochs != null) {
                try {
                    epochs.close();
                } catch (IOException e) {
                    // progress only
                }
            }
            dev.graft.spi.FileTrees.delete(trialDir);
        }
    }

    /** One epoch's progress line to the orchestrator, best effort: a line that cannot be sent is dropped. */
    private static void send(Writer epochs, String trialId, EpochMetrics epoch) {
        if (epochs == null) {
            return;
        }
        try {
            epochs.write(trialId + " " + JSON.writeValueAsString(epoch) + "\n");
            epochs.flush();
        } catch (IOException e) {
            // progress only: the record carries every epoch
        }
    }

    private static byte[] fetch(Artefact artefact) {
        return artefact.read(Path.of(SparkFiles.get(artefact.fileName())));
    }
}
