package dev.graft.cli;

import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.reports.RunData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graft status}: how far a run got. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show how many trials of a run finished, failed or remain, and the failures.")
final class StatusCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "a run directory")
    Path runDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ResultStore store = ResultStore.openExisting(runDir.resolve("results.db"))) {
            RunData data = RunData.read(store);
            List<TrialRecord> trials = data.analysis().trials();
            long finished = trials.stream().filter(t -> t.status() == TrialStatus.finished).count();
            long failed = trials.size() - finished;
            double seconds = trials.stream().mapToDouble(TrialRecord::trainSeconds).sum();
            out.println("experiment: " + data.experiment() + " (" + store.meta("descriptor_file").orElse("?") + ")");
            out.printf("trials: %d planned, %d finished, %d failed, %d remaining; %.1f trial-seconds recorded%n",
                    data.planned(), finished, failed, data.planned() - trials.size(), seconds);
            for (TrialRecord trial : trials) {
                if (trial.status() == TrialStatus.failed) {
                    out.println("failed " + trial.trialId() + " " + trial.kind() + " " + trial.strategy() + ", " + trial.samplesPerClass() + "/class, seed " + trial.seed()
                            + ": " + trial.error());
                }
            }
        }
        out.flush();
        return 0;
    }
}
