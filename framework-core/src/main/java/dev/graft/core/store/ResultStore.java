package dev.graft.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.sweep.TrialLabels;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.Axis;
import dev.graft.spi.GraftException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQLite database of a run. Every write is one transaction, so a crash leaves either the
 * whole trial or nothing of it.
 */
public final class ResultStore implements AutoCloseable {
    static final int SCHEMA_VERSION = 6;

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS trials (
          trial_id TEXT PRIMARY KEY, kind TEXT NOT NULL, backbone TEXT NOT NULL, head TEXT NOT NULL,
          freeze TEXT NOT NULL, augment TEXT NOT NULL, samples_per_class INTEGER NOT NULL, seed INTEGER NOT NULL,
          baseline_id TEXT, status TEXT NOT NULL, error TEXT, test_accuracy REAL, test_macro_f1 REAL,
          best_epoch INTEGER, epochs_run INTEGER, train_seconds REAL, spec_json TEXT NOT NULL,
          provenance_json TEXT NOT NULL, confusion_json TEXT, finished_at TEXT NOT NULL,
          regularizer TEXT NOT NULL DEFAULT 'none')""",
        """
        CREATE TABLE IF NOT EXISTS epochs (
          trial_id TEXT NOT NULL, epoch INTEGER NOT NULL, train_loss REAL, train_accuracy REAL,
          validation_accuracy REAL, validation_loss REAL, seconds REAL, training_groups TEXT, PRIMARY KEY (trial_id, epoch))""",
        """
        CREATE TABLE IF NOT EXISTS similarity (
          backbone_key TEXT NOT NULL, metric_json TEXT NOT NULL, backbone TEXT NOT NULL, metric TEXT NOT NULL,
          value REAL, higher_is_better INTEGER NOT NULL, seconds REAL, feature_seconds REAL, error TEXT,
          inputs_json TEXT, kind TEXT, PRIMARY KEY (backbone_key, metric_json))""",
        """
        CREATE TABLE IF NOT EXISTS trial_axes (
          trial_id TEXT NOT NULL, axis TEXT NOT NULL, label TEXT NOT NULL, config_json TEXT,
          PRIMARY KEY (trial_id, axis))""",
        """
        CREATE TABLE IF NOT EXISTS pretraining (
          backbone_key TEXT PRIMARY KEY, backbone TEXT NOT NULL, source_accuracy REAL, seconds REAL,
          cached INTEGER NOT NULL, provenance_json TEXT NOT NULL)""",
        // schema 6: a trial's scores on the evaluation sets (a store of schema 5 or older has none)
        """
        CREATE TABLE IF NOT EXISTS evaluations (
          trial_id TEXT NOT NULL, set_name TEXT NOT NULL, position INTEGER NOT NULL, source_task INTEGER NOT NULL, accuracy REAL,
          macro_f1 REAL, confusion_json TEXT, PRIMARY KEY (trial_id, set_name))"""
    };

    private final Path file;
    private final Connection connection;

    private ResultStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the store at {@code file}.
     *
     * @param file the database file
     * @return the store
     */
    public static ResultStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=10000");
            }
            ResultStore store = new ResultStore(file, connection);
            store.migrate();
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new GraftException(file + ": cannot open result store: " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing store for reading.
     *
     * @param file the database file
     * @return the store
     * @throws GraftException when the file does not exist
     */
    public static ResultStore openExisting(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GraftException(file + ": no result store here (run 'graft run' first)");
        }
        return open(file);
    }

    private void migrate() throws SQLException {
        Optional<String> version = tableExists("meta") ? meta("schema_version") : Optional.empty();
        if (version.isPresent() && Integer.parseInt(version.get()) > SCHEMA_VERSION) {
            throw new GraftException(file + ": written by a newer Graft (schema " + version.get() + ")");
        }
        inTransaction(() -> {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
                // schema 1 had no regulariser axis: its trials had none
                if (!columnExists("trials", "regularizer")) {
                    statement.execute("ALTER TABLE trials ADD COLUMN regularizer TEXT NOT NULL DEFAULT 'none'");
                    statement.execute("UPDATE trials SET regularizer = '-' WHERE kind = 'scratch'");
                }
                // schema 2 did not record the similarity metrics' inputs
                if (!columnExists("similarity", "inputs_json")) {
                    statement.execute("ALTER TABLE similarity ADD COLUMN inputs_json TEXT");
                }
                // schema 3 did not record whether a metric compares domains or scores transferability
                if (!columnExists("similarity", "kind")) {
                    statement.execute("ALTER TABLE similarity ADD COLUMN kind TEXT");
                }
            }
            // schema 4 kept the four axes' labels in columns of trials only: one row per axis from them and the spec
            if (version.isPresent() && Integer.parseInt(version.get()) < 5) {
                List<String[]> legacy = query("SELECT trial_id, head, freeze, augment, regularizer, spec_json FROM trials", rows ->
                        new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getString(6)});
                for (String[] row : legacy) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    for (int i = 0; i < LEGACY_AXES.size(); i++) {
                        labels.put(LEGACY_AXES.get(i).name(), row[1 + i]);
                    }
                    writeAxes(row[0], labels, row[5]);
                }
            }
            putMetaInternal("schema_version", Integer.toString(SCHEMA_VERSION));
        });
    }

    /** The axes schema 4 kept as columns of {@code trials}, which stay (written, never read) so that old queries still work. */
    private static final List<Axis> LEGACY_AXES = List.of(Axis.HEAD, Axis.FREEZE, Axis.AUGMENT, Axis.REGULARIZER);
    private static final ObjectMapper TREES = new ObjectMapper();

    /** One row per strategy axis: its label and, when the trial has a choice on it, the config from the spec. */
    private void writeAxes(String trialId, Map<String, String> labels, String specJson) throws SQLException {
        JsonNode spec;
        try {
            spec = TREES.readTree(specJson);
        } catch (JsonProcessingException e) {
            throw new GraftException(file + ": trial " + trialId + " has an unreadable spec: " + e.getMessage(), e);
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM trial_axes WHERE trial_id = ?")) {
            delete.setString(1, trialId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trial_axes VALUES (?,?,?,?)")) {
            for (Map.Entry<String, String> label : labels.entrySet()) {
                JsonNode config = spec.get(label.getKey());
                insert.setString(1, trialId);
                insert.setString(2, label.getKey());
                insert.setString(3, label.getValue());
                insert.setString(4, config == null || config.isNull() ? null : TREES.writeValueAsString(config));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return per trial id, its label on each axis, in the order the axes were stored */
    private Map<String, Map<String, String>> axisLabels() {
        Map<String, Map<String, String>> labels = new HashMap<>();
        for (String[] row : query("SELECT trial_id, axis, label FROM trial_axes ORDER BY rowid", rows ->
                new String[] {rows.getString(1), rows.getString(2), rows.getString(3)})) {
            labels.computeIfAbsent(row[0], id -> new LinkedHashMap<>()).put(row[1], row[2]);
        }
        return labels;
    }

    private boolean columnExists(String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pragma_table_info(?) WHERE name = ?")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private boolean tableExists(String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** @return the database file */
    public Path file() {
        return file;
    }

    /**
     * @param key a metadata key
     * @param value its value
     */
    public void putMeta(String key, String value) {
        inTransaction(() -> putMetaInternal(key, value));
    }

    private void putMetaInternal(String key, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    /**
     * @param key a metadata key
     * @return its value, if set
     */
    public Optional<String> meta(String key) {
        return query("SELECT value FROM meta WHERE key = ?", rows -> rows.getString(1), key).stream().findFirst();
    }

    /** @return the ids of trials that finished (failed ones run again) */
    public Set<String> finishedTrialIds() {
        return new HashSet<>(query("SELECT trial_id FROM trials WHERE status = 'finished'", rows -> rows.getString(1)));
    }

    /**
     * Records a trial and its epochs in one transaction, replacing an earlier failed attempt.
     *
     * @param trial the trial
     */
    public void recordTrial(TrialRecord trial) {
        inTransaction(() -> {
            for (String table : List.of("epochs", "evaluations")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE trial_id = ?")) {
                    delete.setString(1, trial.trialId());
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO evaluations VALUES (?,?,?,?,?,?,?)")) {
                int position = 0;
                for (EvaluationScore score : trial.evaluations()) {
                    insert.setString(1, trial.trialId());
                    insert.setString(2, score.set());
                    insert.setInt(3, position++);
                    insert.setInt(4, score.sourceTask() ? 1 : 0);
                    setReal(insert, 5, score.accuracy());
                    setReal(insert, 6, score.macroF1());
                    insert.setString(7, score.confusionJson());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO trials VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                insert.setString(i++, trial.trialId());
                insert.setString(i++, trial.kind());
                insert.setString(i++, trial.backbone());
                insert.setString(i++, trial.labels().of(Axis.HEAD));
                insert.setString(i++, trial.labels().of(Axis.FREEZE));
                insert.setString(i++, trial.labels().of(Axis.AUGMENT));
                insert.setInt(i++, trial.samplesPerClass());
                insert.setLong(i++, trial.seed());
                insert.setString(i++, trial.baselineId());
                insert.setString(i++, trial.status().name());
                insert.setString(i++, trial.error());
                setReal(insert, i++, trial.testAccuracy());
                setReal(insert, i++, trial.testMacroF1());
                insert.setInt(i++, trial.bestEpoch());
                insert.setInt(i++, trial.epochsRun());
                setReal(insert, i++, trial.trainSeconds());
                insert.setString(i++, trial.specJson());
                insert.setString(i++, trial.provenanceJson());
                insert.setString(i++, trial.confusionJson());
                insert.setString(i++, trial.finishedAt());
                insert.setString(i, trial.labels().of(Axis.REGULARIZER));
                insert.executeUpdate();
            }
            writeAxes(trial.trialId(), trial.labels().axes(), trial.specJson());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO epochs VALUES (?,?,?,?,?,?,?,?)")) {
                for (EpochMetrics epoch : trial.epochs()) {
                    insert.setString(1, trial.trialId());
                    insert.setInt(2, epoch.epoch());
                    setReal(insert, 3, epoch.trainLoss());
                    setReal(insert, 4, epoch.trainAccuracy());
                    setReal(insert, 5, epoch.validationAccuracy());
                    setReal(insert, 6, epoch.validationLoss());
                    setReal(insert, 7, epoch.seconds());
                    insert.setString(8, String.join(",", epoch.trainingGroups()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Gives stored trials the display labels of the current plan, in one transaction. Labels
     * never identify a trial (its id does), so a descriptor that names its choices differently,
     * or a Graft that derives labels differently, shows the new names for results already
     * recorded; nothing else of a trial changes.
     *
     * @param labels per trial id, its labels; ids not stored are ignored
     * @return how many stored trials changed their labels
     */
    public int relabel(Map<String, TrialLabels> labels) {
        Map<String, String> backbones = new HashMap<>();
        for (String[] row : query("SELECT trial_id, backbone FROM trials", rows -> new String[] {rows.getString(1), rows.getString(2)})) {
            backbones.put(row[0], row[1]);
        }
        Map<String, Map<String, String>> stored = axisLabels();
        int[] changed = new int[1];
        inTransaction(() -> {
            try (PreparedStatement trials = connection.prepareStatement("UPDATE trials SET backbone = ?, head = ?, freeze = ?, augment = ?, "
                    + "regularizer = ? WHERE trial_id = ?");
                    PreparedStatement axes = connection.prepareStatement("UPDATE trial_axes SET label = ? WHERE trial_id = ? AND axis = ?")) {
                for (Map.Entry<String, TrialLabels> entry : labels.entrySet()) {
                    String id = entry.getKey();
                    TrialLabels l = entry.getValue();
                    if (!backbones.containsKey(id) || l.backbone().equals(backbones.get(id)) && l.axes().equals(stored.get(id))) {
                        continue;
                    }
                    trials.setString(1, l.backbone());
                    for (int i = 0; i < LEGACY_AXES.size(); i++) {
                        trials.setString(2 + i, l.of(LEGACY_AXES.get(i)));
                    }
                    trials.setString(6, id);
                    trials.executeUpdate();
                    for (Map.Entry<String, String> axis : l.axes().entrySet()) {
                        axes.setString(1, axis.getValue());
                        axes.setString(2, id);
                        axes.setString(3, axis.getKey());
                        axes.executeUpdate();
                    }
                    changed[0]++;
                }
            }
        });
        return changed[0];
    }

    /** @return every stored trial, ordered by id, with its epochs */
    public List<TrialRecord> trials() {
        Map<String, Map<String, String>> labels = axisLabels();
        List<TrialRecord> trials = query("SELECT * FROM trials ORDER BY trial_id", rows -> new TrialRecord(
                rows.getString("trial_id"), rows.getString("kind"),
                new TrialLabels(rows.getString("backbone"), labels.getOrDefault(rows.getString("trial_id"), Map.of())),
                rows.getInt("samples_per_class"), rows.getLong("seed"),
                rows.getString("baseline_id"), TrialStatus.valueOf(rows.getString("status")), rows.getString("error"),
                real(rows, "test_accuracy"), real(rows, "test_macro_f1"), rows.getInt("best_epoch"), rows.getInt("epochs_run"),
                real(rows, "train_seconds"), rows.getString("spec_json"), rows.getString("provenance_json"),
                rows.getString("confusion_json"), rows.getString("finished_at"), List.of()));
        List<TrialRecord> withEpochs = new ArrayList<>(trials.size());
        for (TrialRecord trial : trials) {
            withEpochs.add(new TrialRecord(trial.trialId(), trial.kind(), trial.labels(), trial.samplesPerClass(), trial.seed(), trial.baselineId(), trial.status(), trial.error(),
                    trial.testAccuracy(), trial.testMacroF1(), trial.bestEpoch(), trial.epochsRun(), trial.trainSeconds(),
                    trial.specJson(), trial.provenanceJson(), trial.confusionJson(), trial.finishedAt(), epochs(trial.trialId()),
                    evaluations(trial.trialId())));
        }
        return withEpochs;
    }

    /**
     * @param trialId a trial
     * @return its epochs in order
     */
    public List<EpochMetrics> epochs(String trialId) {
        return query("SELECT * FROM epochs WHERE trial_id = ? ORDER BY epoch", rows -> new EpochMetrics(rows.getInt("epoch"),
                real(rows, "train_loss"), real(rows, "train_accuracy"), real(rows, "validation_accuracy"), real(rows, "validation_loss"),
                real(rows, "seconds"),
                rows.getString("training_groups").isEmpty() ? List.of() : Arrays.asList(rows.getString("training_groups").split(","))),
                trialId);
    }

    /**
     * @param trialId a trial
     * @return its scores on the evaluation sets, in the descriptor's order
     */
    public List<EvaluationScore> evaluations(String trialId) {
        return query("SELECT * FROM evaluations WHERE trial_id = ? ORDER BY position", rows -> new EvaluationScore(rows.getString("set_name"),
                rows.getInt("source_task") == 1, real(rows, "accuracy"), real(rows, "macro_f1"), rows.getString("confusion_json")), trialId);
    }

    /**
     * @return the evaluation sets the run's trials were scored on, in the descriptor's order, each
     *     with whether it is the source task
     */
    public Map<String, Boolean> evaluationSets() {
        Map<String, Boolean> sets = new LinkedHashMap<>();
        query("SELECT set_name, MAX(source_task) AS source, MIN(position) AS first FROM evaluations GROUP BY set_name ORDER BY first, set_name",
                rows -> sets.put(rows.getString("set_name"), rows.getInt("source") == 1));
        return sets;
    }

    /**
     * @param record a similarity score (replaces an earlier one for the same backbone and metric)
     */
    public void recordSimilarity(SimilarityRecord record) {
        inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO similarity (backbone_key, metric_json, backbone, metric, value, higher_is_better, seconds, feature_seconds, error, "
                    + "inputs_json, kind) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                insert.setString(1, record.backboneKey());
                insert.setString(2, record.metricJson());
                insert.setString(3, record.backbone());
                insert.setString(4, record.metric());
                setReal(insert, 5, record.value());
                insert.setInt(6, record.higherIsBetter() ? 1 : 0);
                setReal(insert, 7, record.seconds());
                setReal(insert, 8, record.featureSeconds());
                insert.setString(9, record.error());
                insert.setString(10, record.inputsJson());
                insert.setString(11, record.kind());
                insert.executeUpdate();
            }
        });
    }

    /** @return every similarity score */
    public List<SimilarityRecord> similarities() {
        return query("SELECT * FROM similarity ORDER BY backbone, metric", rows -> new SimilarityRecord(rows.getString("backbone"),
                rows.getString("backbone_key"), rows.getString("metric"), rows.getString("metric_json"), real(rows, "value"),
                rows.getInt("higher_is_better") == 1, real(rows, "seconds"), real(rows, "feature_seconds"), rows.getString("error"),
                rows.getString("inputs_json"), rows.getString("kind")));
    }

    /**
     * @param record a pretrained backbone used by the run
     */
    public void recordPretraining(PretrainRecord record) {
        inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO pretraining VALUES (?,?,?,?,?,?)")) {
                insert.setString(1, record.backboneKey());
                insert.setString(2, record.backbone());
                setReal(insert, 3, record.sourceAccuracy());
                setReal(insert, 4, record.seconds());
                insert.setInt(5, record.cached() ? 1 : 0);
                insert.setString(6, record.provenanceJson());
                insert.executeUpdate();
            }
        });
    }

    /** @return the pretrained backbones used */
    public List<PretrainRecord> pretrainings() {
        return query("SELECT * FROM pretraining ORDER BY backbone", rows -> new PretrainRecord(rows.getString("backbone_key"),
                rows.getString("backbone"), real(rows, "source_accuracy"), real(rows, "seconds"), rows.getInt("cached") == 1,
                rows.getString("provenance_json")));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing " + file + ": " + e.getMessage(), e);
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private void inTransaction(SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new GraftException(file + ": write failed: " + e.getMessage(), e);
        }
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add(mapper.map(rows));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new GraftException(file + ": read failed: " + e.getMessage(), e);
        }
    }

    private static void setReal(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, java.sql.Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static double real(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? Double.NaN : value;
    }
}
