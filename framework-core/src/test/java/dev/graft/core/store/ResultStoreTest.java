package dev.graft.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.GraftException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    static TrialRecord record(String id, TrialStatus status, double accuracy, int epochs) {
        List<EpochMetrics> metrics = java.util.stream.IntStream.rangeClosed(1, epochs)
                .mapToObj(e -> new EpochMetrics(e, 1.0 / e, 0.5, Double.NaN, Double.NaN, 0.1, List.of("g1"))).toList();
        return new TrialRecord(id, "transfer", "b", "h", "f", "none", 10, 1, "base", status, status == TrialStatus.failed ? "boom" : null,
                accuracy, accuracy, epochs, epochs, 1.5, "{}", "{}", null, "2026-01-01T00:00:00Z", metrics);
    }

    @Test
    void recordsSurviveReopeningAndFailedTrialsAreReplacedNotDuplicated() {
        try (ResultStore store = ResultStore.open(dir.resolve("results.db"))) {
            store.recordTrial(record("a", TrialStatus.finished, 0.8, 3));
            store.recordTrial(record("b", TrialStatus.failed, Double.NaN, 1));
        }
        try (ResultStore store = ResultStore.open(dir.resolve("results.db"))) {
            assertEquals(Set.of("a"), store.finishedTrialIds());
            store.recordTrial(record("b", TrialStatus.finished, 0.7, 2));
            List<TrialRecord> trials = store.trials();
            assertEquals(2, trials.size());
            assertEquals(record("a", TrialStatus.finished, 0.8, 3), trials.get(0));
            assertEquals(2, trials.get(1).epochs().size(), "the failed attempt's epochs are gone");
            assertTrue(Double.isNaN(trials.get(0).epochs().get(0).validationAccuracy()), "NaN round-trips");
        }
    }

    @Test
    void openingAMissingStoreForReadingIsAUserError() {
        GraftException e = assertThrows(GraftException.class, () -> ResultStore.openExisting(dir.resolve("nothing/results.db")));
        assertTrue(e.getMessage().endsWith("no result store here (run 'graft run' first)"), e.getMessage());
    }
}
