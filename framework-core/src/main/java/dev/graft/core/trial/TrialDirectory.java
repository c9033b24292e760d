package dev.graft.core.trial;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochListener;
import dev.graft.core.train.EpochMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One trial's files under {@code <out>/trials/<id>/}, written here and nowhere else:
 * {@code epochs.csv} (a line per epoch as the trial trains, or from the record when it trained
 * elsewhere), {@code checkpoint.bin} (the last finished epoch, so an interrupted trial resumes),
 * and once the trial is recorded {@code trial.json} (its provenance) and, if it failed,
 * {@code error.txt}.
 *
 * @param path the directory
 */
public record TrialDirectory(Path path) {
    static final String EPOCHS_HEADER = "epoch,train_loss,train_accuracy,validation_accuracy,validation_loss,seconds,training_groups\n";

    /**
     * @param out a run directory
     * @param trialId a trial's id
     * @return that trial's directory in the run
     */
    public static TrialDirectory of(Path out, String trialId) {
        return new TrialDirectory(out.resolve("trials").resolve(trialId));
    }

    private Path epochs() {
        return path.resolve("epochs.csv");
    }

    /** @return where the trial's checkpoint goes */
    Path checkpoint() {
        return path.resolve("checkpoint.bin");
    }

    /**
     * Forgets an earlier attempt's epochs, which must not stand for this one's (a failed trial run again).
     *
     * @throws IOException if the file cannot be deleted
     */
    public void startAttempt() throws IOException {
        Files.deleteIfExists(epochs());
    }

    /**
     * Trains the trial here: each epoch's line goes to {@code epochs.csv} as it ends (and to
     * {@code listener}), the checkpoint to {@code checkpoint.bin}.
     *
     * @param runner the trial runner
     * @param trial the trial
     * @param data what it trains and is scored on
     * @param listener told after each epoch
     * @return its record, finished or failed
     * @throws IOException if the directory cannot be written
     */
    public TrialRecord train(TrialRunner runner, Trial trial, TrialData data, EpochListener listener) throws IOException {
        Files.createDirectories(path);
        try (Writer metrics = Files.newBufferedWriter(epochs(), StandardCharsets.UTF_8)) {
            metrics.write(EPOCHS_HEADER);
            return runner.run(trial, data, epoch -> {
                write(metrics, epoch);
                listener.epochFinished(epoch);
            }, checkpoint());
        }
    }

    /**
     * Writes what a recorded trial leaves: its epochs if it trained elsewhere (the record carries
     * every epoch), its provenance, its error if it failed; its checkpoint goes (a failed trial
     * run again starts over).
     *
     * @param record the recorded trial
     * @param mapper the mapper that pretty-prints the provenance
     * @throws IOException if the files cannot be written
     */
    public void recorded(TrialRecord record, ObjectMapper mapper) throws IOException {
        Files.createDirectories(path);
        if (Files.notExists(epochs())) {
            try (Writer metrics = Files.newBufferedWriter(epochs(), StandardCharsets.UTF_8)) {
                metrics.write(EPOCHS_HEADER);
                for (EpochMetrics epoch : record.epochs()) {
                    write(metrics, epoch);
                }
            }
        }
        Files.deleteIfExists(checkpoint());
        Files.writeString(path.resolve("trial.json"), mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(mapper.readTree(record.provenanceJson())), StandardCharsets.UTF_8);
        if (record.status() == TrialStatus.failed) {
            Files.writeString(path.resolve("error.txt"), record.error() + "\n", StandardCharsets.UTF_8);
        }
    }

    private static void write(Writer out, EpochMetrics epoch) {
        try {
            out.write(epoch.epoch() + "," + epoch.trainLoss() + "," + epoch.trainAccuracy() + "," + epoch.validationAccuracy() + ","
                    + epoch.validationLoss() + "," + epoch.seconds() + "," + String.join(";", epoch.trainingGroups()) + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
