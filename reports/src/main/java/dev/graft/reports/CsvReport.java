package dev.graft.reports;

import dev.graft.core.store.TrialRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** {@code results.csv}: one row per trial, or per trial and set when the run has evaluation sets (the test split's first). */
final class CsvReport {
    /**
     * @param axes the axes' names
     * @return the columns: the trial, its backbone and each axis, then its numbers
     */
    static List<String> columns(List<String> axes) {
        return Stream.of(Stream.of("trial_id", "kind", "backbone"), axes.stream(),
                Stream.of("samples_per_class", "seed", "status", "test_accuracy", "test_macro_f1", "gain_vs_scratch", "baseline_id", "best_epoch",
                        "epochs_run", "train_seconds", "error", "strategy_id", "labels_worth", "labels_worth_low", "labels_worth_high",
                        "trained_parameters", "task_bytes", "peak_memory_bytes", "seconds_per_epoch"))
                .flatMap(s -> s).toList();
    }

    private CsvReport() {}

    static String render(RunData data) {
        List<String> axes = data.analysis().axisNames();
        boolean sets = !data.evaluationSets().isEmpty();
        List<String> columns = new ArrayList<>(columns(axes));
        if (sets) {
            // a run with evaluation sets: one row per trial and set, the test split's first
            columns.add(columns.indexOf("seed") + 1, "set");
            columns.set(columns.indexOf("test_accuracy"), "accuracy");
            columns.set(columns.indexOf("test_macro_f1"), "macro_f1");
        }
        StringBuilder out = new StringBuilder(String.join(",", columns)).append('\n');
        Map<String, Map<String, LabelsWorth>> worth = new HashMap<>();
        worth.put(TEST, worths(data.analysis()));
        data.bySet().forEach((set, analysis) -> worth.put(set, worths(analysis)));
        for (TrialRecord t : data.analysis().trials()) {
            // the trial's cost, read once from its provenance for all of its rows
            Costs cost = Costs.of(List.of(t));
            rows(out, axes, t, TEST, sets, data.analysis().gains().get(t.trialId()), worth.get(TEST), cost);
            for (String set : data.evaluationSets().keySet()) {
                TransferAnalysis analysis = data.bySet().get(set);
                if (t.evaluation(set).isPresent()) {
                    rows(out, axes, t.onSet(set), set, true, analysis == null ? null : analysis.gains().get(t.trialId()),
                            worth.getOrDefault(set, Map.of()), cost);
                }
            }
        }
        return out.toString();
    }

    /** The name results give the test split beside the evaluation sets. */
    static final String TEST = "test";

    private static Map<String, LabelsWorth> worths(TransferAnalysis analysis) {
        Map<String, LabelsWorth> worth = new HashMap<>();
        analysis.summaries().forEach(s -> worth.put(s.key().id(), s.worth()));
        return worth;
    }

    private static void rows(StringBuilder out, List<String> axes, TrialRecord t, String set, boolean sets, Double gain, Map<String, LabelsWorth> worth,
            Costs cost) {
        // a transfer trial's row carries its strategy's worth in labels (the same on every seed's row)
        LabelsWorth w = t.kind().equals("transfer") ? worth.get(t.strategyId()) : null;
        List<String> cells = new ArrayList<>(List.of(t.trialId(), t.kind(), t.backbone()));
        axes.forEach(a -> cells.add(t.labels().of(a)));
        cells.addAll(List.of(Integer.toString(t.samplesPerClass()), Long.toString(t.seed())));
        if (sets) {
            cells.add(set);
        }
        cells.addAll(List.of(t.status().name(), number(t.testAccuracy()),
                number(t.testMacroF1()), gain == null ? "" : number(gain), t.baselineId() == null ? "" : t.baselineId(),
                Integer.toString(t.bestEpoch()), Integer.toString(t.epochsRun()), String.format(Locale.ROOT, "%.3f", t.trainSeconds()),
                t.error() == null ? "" : t.error(), t.strategyId(), w == null ? "" : w.format(w.value()), w == null ? "" : w.format(w.low()),
                w == null ? "" : w.format(w.high())));
        cells.addAll(List.of(whole(cost.trainedParameters()), whole(cost.taskBytes()), whole(cost.peakMemoryBytes()),
                cost.secondsPerEpoch() == null ? "" : String.format(Locale.ROOT, "%.4f", cost.secondsPerEpoch())));
        out.append(String.join(",", cells.stream().map(CsvReport::escape).toList())).append('\n');
    }

    private static String whole(Long value) {
        return value == null ? "" : Long.toString(value);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
    }

    static String escape(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
