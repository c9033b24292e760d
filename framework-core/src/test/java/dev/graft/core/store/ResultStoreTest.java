package dev.graft.core.store;

import dev.graft.core.sweep.TrialLabels;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.Axis;
import dev.graft.spi.GraftException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultStoreTest {
    /** The trials table as schema 1 made it. */
    static final String SCHEMA_ONE_TRIALS = """
            CREATE TABLE trials (
              trial_id TEXT PRIMARY KEY, kind TEXT NOT NULL, backbone TEXT NOT NULL, head TEXT NOT NULL,
              freeze TEXT NOT NULL, augment TEXT NOT NULL, samples_per_class INTEGER NOT NULL, seed INTEGER NOT NULL,
              baseline_id TEXT, status TEXT NOT NULL, error TEXT, test_accuracy REAL, test_macro_f1 REAL,
              best_epoch INTEGER, epochs_run INTEGER, train_seconds REAL, spec_json TEXT NOT NULL,
              provenance_json TEXT NOT NULL, confusion_json TEXT, finished_at TEXT NOT NULL)""";

    @TempDir
    Path dir;

    static TrialRecord record(String id, TrialStatus status, double accuracy, int epochs) {
        List<EpochMetrics> metrics = java.util.stream.IntStream.rangeClosed(1, epochs)
                .mapToObj(e -> new EpochMetrics(e, 1.0 / e, 0.5, Double.NaN, Double.NaN, 0.1, List.of("g1"))).toList();
        return new TrialRecord(id, "transfer", TrialLabels.of("b", "h", "f", "none", "none"), 10, 1, "base", status, status == TrialStatus.failed ? "boom" : null,
                accuracy, accuracy, epochs, epochs, 1.5, "{}", "{}", null, "2026-01-01T00:00:00Z", metrics);
    }

    @Test
    void aSchemaOneStoreGainsTheNewColumnsWithItsRowsIntact() throws Exception {
        Path file = dir.resolve("old.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute("INSERT INTO meta VALUES ('schema_version', '1')");
            statement.execute(SCHEMA_ONE_TRIALS);
            statement.execute("INSERT INTO trials VALUES ('t', 'transfer', 'b', 'h', 'f', 'none', 10, 1, 's', 'finished', NULL, 0.8, 0.7, "
                    + "3, 5, 1.5, '{}', '{}', NULL, 'x')");
            statement.execute("""
                    CREATE TABLE similarity (
                      backbone_key TEXT NOT NULL, metric_json TEXT NOT NULL, backbone TEXT NOT NULL, metric TEXT NOT NULL,
                      value REAL, higher_is_better INTEGER NOT NULL, seconds REAL, feature_seconds REAL, error TEXT,
                      PRIMARY KEY (backbone_key, metric_json))""");
            statement.execute("INSERT INTO similarity VALUES ('k', '{}', 'b', 'mmd', 0.5, 0, 0.1, 0.2, NULL)");
            statement.execute("INSERT INTO trials VALUES ('s', 'scratch', 'b', 'h', '-', 'none', 10, 1, NULL, 'finished', NULL, 0.6, 0.5, "
                    + "3, 5, 1.5, '{}', '{}', NULL, 'x')");
        }
        try (ResultStore store = ResultStore.open(file)) {
            List<TrialRecord> trials = store.trials();
            assertEquals(List.of("-", "none"), trials.stream().map(t -> t.label(Axis.REGULARIZER)).toList(), "scratch '-', transfer 'none'");
            assertEquals(0.8, trials.get(1).testAccuracy());
            store.recordTrial(record("new", TrialStatus.finished, 0.9, 1));
            assertEquals(3, store.trials().size());
            assertEquals(Optional.of("6"), store.meta("schema_version"));
            assertEquals(List.of(new SimilarityRecord("b", "k", "mmd", "{}", 0.5, false, 0.1, 0.2, null, null)), store.similarities());
            store.recordSimilarity(new SimilarityRecord("b", "k2", "mmd", "{}", 0.7, false, 0.1, 0.2, null, "{\"targetExamples\":500}"));
            assertEquals("{\"targetExamples\":500}", store.similarities().get(1).inputsJson());
            assertEquals(null, store.similarities().get(0).kind(), "a schema-1 row has no kind");
            store.recordSimilarity(new SimilarityRecord("b", "k3", "logme", "{}", 0.7, true, 0.1, 0.2, null, null, SimilarityRecord.TRANSFERABILITY));
            assertEquals("transferability score", store.similarities().stream().filter(r -> r.metric().equals("logme")).findFirst().orElseThrow()
                    .kindLabel());
        }
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

    @Test
    void relabellingChangesTheDisplayLabelsAndNothingElse() {
        try (ResultStore store = ResultStore.open(dir.resolve("results.db"))) {
            store.recordTrial(record("a", TrialStatus.finished, 0.8, 3));
            store.recordTrial(record("b", TrialStatus.finished, 0.7, 2));
            TrialRecord before = store.trials().get(0);
            var labels = new java.util.LinkedHashMap<String, dev.graft.core.sweep.TrialLabels>();
            labels.put("a", TrialLabels.of("digits(transferLayers=1)", "h", "f", "none", "none"));
            labels.put("b", TrialLabels.of("b", "h", "f", "none", "none"));
            labels.put("not-stored", TrialLabels.of("x", "x", "x", "x", "x"));
            assertEquals(1, store.relabel(labels), "only a's labels differ");
            TrialRecord after = store.trials().get(0);
            assertEquals("digits(transferLayers=1)", after.backbone());
            assertEquals(new TrialRecord(before.trialId(), before.kind(), before.labels().axes().equals(after.labels().axes()) ? new TrialLabels(after.backbone(), before.labels().axes()) : null, before.samplesPerClass(), before.seed(), before.baselineId(), before.status(), before.error(),
                    before.testAccuracy(), before.testMacroF1(), before.bestEpoch(), before.epochsRun(), before.trainSeconds(), before.specJson(),
                    before.provenanceJson(), before.confusionJson(), before.finishedAt(), before.epochs()), after);
            assertEquals(2, store.trials().size());
        }
    }

    @Test
    void aSchemaFourStoreGetsOneRowPerAxisFromItsLabelColumnsAndSpecs() throws Exception {
        Path file = dir.resolve("v4.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute("INSERT INTO meta VALUES ('schema_version', '4')");
            statement.execute(SCHEMA_ONE_TRIALS);
            // schema 2 added the regulariser
            statement.execute("ALTER TABLE trials ADD COLUMN regularizer TEXT NOT NULL DEFAULT 'none'");
            statement.execute("INSERT INTO trials VALUES ('t', 'transfer', 'digits', 'linear', 'frozen', 'none', 10, 1, 's', 'finished', "
                    + "NULL, 0.8, 0.7, 3, 5, 1.5, '{\"augment\":null,\"freeze\":{\"type\":\"frozen\"},\"head\":{\"type\":\"linear\",\"dropout\":0.0},"
                    + "\"regularizer\":{\"type\":\"l2-sp\",\"alpha\":0.01}}', '{}', NULL, 'x', 'l2-sp')");
        }
        try (ResultStore store = ResultStore.open(file)) {
            TrialRecord trial = store.trials().get(0);
            assertEquals(TrialLabels.of("digits", "linear", "frozen", "none", "l2-sp"), trial.labels());
            assertEquals(0.8, trial.testAccuracy());
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var rows = connection.createStatement().executeQuery("SELECT axis, label, config_json FROM trial_axes ORDER BY rowid")) {
            List<String> found = new java.util.ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + "=" + rows.getString(2) + " " + rows.getString(3));
            }
            assertEquals(List.of("head=linear {\"type\":\"linear\",\"dropout\":0.0}", "freeze=frozen {\"type\":\"frozen\"}",
                    "augment=none null", "regularizer=l2-sp {\"type\":\"l2-sp\",\"alpha\":0.01}"), found);
        }
    }
}
