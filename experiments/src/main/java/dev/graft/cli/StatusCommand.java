package dev.graft.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (ResultStore store = ResultStore.openExisting(runDir.resolve("results.db"))) {
            List<String> plan = new ObjectMapper().readValue(store.meta("plan").orElse("[]"), new TypeReference<List<String>>() {});
            Map<String, TrialRecord> byId = new HashMap<>();
            for (TrialRecord trial : store.trials()) {
                byId.put(trial.trialId(), trial);
            }
            int finished = 0;
            int failed = 0;
            double seconds = 0;
            for (String id : plan) {
                TrialRecord trial = byId.get(id);
                if (trial != null) {
                    seconds += trial.trainSeconds();
                    if (trial.status() == TrialStatus.finished) {
                        finished++;
                    } else {
                        failed++;
                    }
                }
            }
            out.println("experiment: " + store.meta("experiment").orElse("?") + " (" + store.meta("descriptor_file").orElse("?") + ")");
            out.printf("trials: %d planned, %d finished, %d failed, %d remaining; %.1f trial-seconds recorded%n",
                    plan.size(), finished, failed, plan.size() - finished - failed, seconds);
            for (String id : plan) {
                TrialRecord trial = byId.get(id);
                if (trial != null && trial.status() == TrialStatus.failed) {
                    out.println("failed " + id + " " + trial.kind() + " " + trial.backbone() + " / " + trial.head() + " / " + trial.freeze()
                            + " / " + trial.augment() + ", " + trial.samplesPerClass() + "/class, seed " + trial.seed() + ": " + trial.error());
                }
            }
        }
        out.flush();
        return 0;
    }
}
