package dev.graft.core.executor;

import dev.graft.core.trial.Pretrained;
import dev.graft.core.trial.PretrainedCache;
import dev.graft.core.trial.TrialData;
import dev.graft.core.trial.RunDefinition;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
    private TrialWorker() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocol = System.out;
        System.setOut(System.err); // libraries' printing must not mix with the protocol
        ObjectMapper json = new ObjectMapper();
        TrialJob job = json.readValue(Files.readString(Path.of(args[0])), TrialJob.class);
        TrialHost host = TrialHost.open(job);
        RunDefinition.Prepared prepared = host.prepare();
        PretrainedCache pretrained = new PretrainedCache(Path.of(job.cacheDir()), prepared.catalog(), host.mapper());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.startsWith("RUN ")) {
                continue;
            }
            Trial trial = host.trial(line.substring(4).strip());
            Pretrained weights = trial.spec().kind() == TrialKind.transfer && trial.spec().backbone().pretrain() != null
                    ? pretrained.require(trial.spec().backbone()) : null;
            TrialRecord record = host.run(trial, new TrialData(prepared.pool(), prepared.test(), prepared.evaluations().of(trial), weights),
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
