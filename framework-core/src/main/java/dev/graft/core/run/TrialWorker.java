package dev.graft.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.spi.data.DataContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A worker process of {@code graft run --workers N}: it rebuilds the run's plugins, data and
 * trials from the job file the orchestrator wrote, then runs the trials it is sent, one at a
 * time, exactly as the orchestrator would run them itself, and answers each with its record.
 * It never writes the results database: the orchestrator records what it answers.
 *
 * <p>Protocol on standard input and output, one line each: {@code RUN <trial id>} in;
 * {@code EPOCH <trial id> <epoch metrics as JSON>} out after every epoch (for the orchestrator's
 * progress), then {@code DONE <record as JSON>}; everything else the worker prints goes to
 * standard error.
 */
public final class TrialWorker {
    /** What a worker needs to rebuild the run; written by the orchestrator as JSON. */
    record Job(List<String> modules, String descriptorFile, String descriptorText, List<String> dataDirs, String bundledDataDir,
            String descriptorDir, String outDir, String cacheDir, boolean featureCache, int threads, boolean verbose) {}

    private TrialWorker() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err); // libraries' printing must not mix with the protocol
        ObjectMapper json = new ObjectMapper();
        Job job = json.readValue(Files.readString(Path.of(args[0])), Job.class);
        LibraryLogging.configure(job.verbose());
        ai.djl.engine.Engine.getInstance();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(job.threads());
        List<com.google.inject.Module> modules = new ArrayList<>();
        for (String name : job.modules()) {
            modules.add((com.google.inject.Module) Class.forName(name).getDeclaredConstructor().newInstance());
        }
        Plugins plugins = Plugins.of(modules);
        Descriptor descriptor = new DescriptorReader(plugins).read(Path.of(job.descriptorFile()), job.descriptorText());
        DataContext context = new DataContext(job.dataDirs().stream().map(Path::of).toList(),
                Optional.ofNullable(job.bundledDataDir()).map(Path::of), Path.of(job.descriptorDir()));
        ExperimentRunner runner = new ExperimentRunner(plugins).featureCache(job.featureCache());
        ExperimentRunner.Prepared prepared = runner.prepare(descriptor, context);
        Map<String, Trial> trials = prepared.trials().stream().collect(Collectors.toMap(Trial::id, Function.identity()));
        PretrainedBackbones pretrainedBackbones = new PretrainedBackbones(Path.of(job.cacheDir()), runner.components(), prepared.catalog(),
                plugins.mapper(), RunListener.NONE);
        TrialRunner trialRunner = runner.trialRunner(Path.of(job.cacheDir()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.startsWith("RUN ")) {
                continue;
            }
            Trial trial = trials.get(line.substring(4).strip());
            Pretrained weights = trial.spec().kind() == TrialKind.transfer && trial.spec().backbone().pretrain() != null
                    ? pretrainedBackbones.get(trial.spec().backbone(), trial.labels().backbone()) : null;
            TrialRecord record = ExperimentRunner.runTrial(trialRunner, trial, prepared.pool(), prepared.test(), weights,
                    Path.of(job.outDir()).resolve("trials").resolve(trial.id()),
                    epoch -> answer(protocol, "EPOCH " + trial.id() + " ", json, epoch));
            answer(protocol, "DONE ", json, record);
        }
    }

    /** Writes one protocol line: {@code prefix} and {@code value} as JSON, flushed at once. */
    private static void answer(PrintStream protocol, String prefix, ObjectMapper json, Object value) {
        try {
            protocol.println(prefix + json.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        protocol.flush();
    }
}
