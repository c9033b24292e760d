package dev.graft.reports;

import static dev.graft.reports.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-class test accuracy and confusion matrices (Tribuo's, recorded with every trial), each
 * strategy's summed over its seeds, transfer beside its scratch baselines: which classes transfer
 * helped and which it confused.
 */
final class ConfusionTables {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfusionTables() {}

    /** A confusion matrix summed over trials: rows are true classes, columns predicted ones. */
    record Summed(List<String> classes, long[][] counts, int trials) {
        double classAccuracy(int c) {
            long row = 0;
            for (long n : counts[c]) {
                row += n;
            }
            return row == 0 ? Double.NaN : (double) counts[c][c] / row;
        }
    }

    static Summed sum(List<TrialRecord> trials) {
        List<String> classes = null;
        long[][] counts = null;
        int n = 0;
        for (TrialRecord trial : trials) {
            if (trial == null || trial.status() != TrialStatus.finished || trial.confusionJson() == null) {
                continue;
            }
            JsonNode confusion = read(trial.confusionJson());
            if (classes == null) {
                classes = new ArrayList<>();
                for (JsonNode c : confusion.path("classes")) {
                    classes.add(c.asText());
                }
                counts = new long[classes.size()][classes.size()];
            }
            JsonNode matrix = confusion.path("matrix");
            for (int t = 0; t < classes.size(); t++) {
                for (int p = 0; p < classes.size(); p++) {
                    counts[t][p] += matrix.path(t).path(p).asLong();
                }
            }
            n++;
        }
        return classes == null ? null : new Summed(classes, counts, n);
    }

    /**
     * @param analysis the run's analysis
     * @param byId its trials by id
     * @return the per-class accuracy table and, per strategy, the two matrices, as HTML
     */
    static String html(TransferAnalysis analysis, Map<String, TrialRecord> byId) {
        StringBuilder h = new StringBuilder();
        StringBuilder matrices = new StringBuilder();
        boolean header = false;
        for (StrategySummary s : analysis.summaries()) {
            List<TrialRecord> transfer = analysis.strategyTrials().getOrDefault(s.key().id(), List.of());
            Summed t = sum(transfer);
            Summed b = sum(transfer.stream().map(x -> byId.get(x.baselineId())).toList());
            if (t == null || b == null) {
                continue;
            }
            if (!header) {
                h.append("<div class=scroll><table><tr><th>strategy</th><th>labels/class</th><th></th>");
                t.classes().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
                h.append("</tr>\n");
                header = true;
            }
            for (Summed row : new Summed[] {t, b}) {
                h.append("<tr><td>").append(row == t ? escape(s.key().strategy()) : "").append("</td><td class=num>")
                        .append(row == t ? Integer.toString(s.key().samplesPerClass()) : "").append("</td><td>")
                        .append(row == t ? "transfer (" + t.trials() + " seeds)" : "scratch (" + b.trials() + " seeds)").append("</td>");
                for (int c = 0; c < row.classes().size(); c++) {
                    double here = row.classAccuracy(c);
                    double other = (row == t ? b : t).classAccuracy(c);
                    String mark = row == t && here > other + 0.02 ? " class=better" : row == t && here < other - 0.02 ? " class=worse" : "";
                    h.append("<td class=num><span").append(mark).append(">").append(Numbers.fixed(here, 3)).append("</span></td>");
                }
                h.append("</tr>\n");
            }
            matrices.append("<details><summary>").append(escape(s.key().strategy())).append(", ").append(s.key().samplesPerClass())
                    .append("/class: confusion matrices (rows true, columns predicted, summed over seeds)</summary><div class=pair>")
                    .append(matrix("transfer", t)).append(matrix("scratch", b)).append("</div></details>\n");
        }
        if (!header) {
            return "<p>No confusion matrices recorded.</p>\n";
        }
        h.append("</table></div>\n<p>Per-class test accuracy (recall), each strategy's confusion matrices summed over its finished seeds; ")
                .append("green: transfer more than 0.02 above scratch on that class, red: below.</p>\n").append(matrices);
        return h.toString();
    }

    private static String matrix(String title, Summed m) {
        long max = 1;
        for (long[] row : m.counts()) {
            for (long n : row) {
                max = Math.max(max, n);
            }
        }
        StringBuilder h = new StringBuilder("<div class=scroll><table class=confusion><caption>").append(title).append("</caption><tr><th></th>");
        m.classes().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
        h.append("</tr>");
        for (int t = 0; t < m.classes().size(); t++) {
            h.append("<tr><th>").append(escape(m.classes().get(t))).append("</th>");
            for (int p = 0; p < m.classes().size(); p++) {
                double shade = (double) m.counts()[t][p] / max;
                h.append("<td class=num style=\"background:rgba(33,102,172,").append(String.format(Locale.ROOT, "%.2f", 0.85 * shade))
                        .append(")").append(shade > 0.55 ? ";color:#fff" : "").append("\">").append(m.counts()[t][p]).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</table></div>").toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
