package dev.graft.core.run;

import dev.graft.core.store.ResultStore;
import dev.graft.core.store.TrialRecord;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** What a finished run recorded, for tests that compare runs trial by trial. */
public final class RunResults {
    private RunResults() {}

    /**
     * @param out a run directory
     * @return its recorded trials by id
     */
    public static Map<String, TrialRecord> byId(Path out) {
        try (ResultStore store = ResultStore.openExisting(out.resolve("results.db"))) {
            return store.trials().stream().collect(Collectors.toMap(TrialRecord::trialId, t -> t));
        }
    }
}
