package dev.graft.reports;

import static dev.graft.reports.Html.escape;

import dev.graft.core.stats.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The strategies' verdicts counted per choice, for every axis on which the strategies differ
 * (backbone, each strategy axis, labelled examples per class): where a freeze schedule, a head or a
 * source won and where it lost, at a glance. A reading aid over the gain table, not an estimate:
 * each strategy keeps its own interval and verdict, and nothing is pooled across strategies.
 */
final class VerdictsByAxis {
    private VerdictsByAxis() {}

    /**
     * @param axis the axis
     * @param label the choice
     * @param counts strategies with each verdict
     */
    record Row(String axis, String label, Map<Verdict, Integer> counts) {
        int strategies() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * @param analysis the run's analysis
     * @return a row per choice of every axis with at least two choices among the strategies, in the gain table's order
     */
    static List<Row> rows(TransferAnalysis analysis) {
        Map<String, Function<StrategySummary, String>> axes = new LinkedHashMap<>();
        axes.put("backbone", s -> s.key().backbone());
        for (String axis : analysis.shownAxes()) {
            axes.put(axis, s -> s.key().label(axis));
        }
        axes.put("samples/class", s -> Integer.toString(s.key().samplesPerClass()));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Function<StrategySummary, String>> axis : axes.entrySet()) {
            Map<String, Map<Verdict, Integer>> byLabel = new LinkedHashMap<>();
            for (StrategySummary s : analysis.summaries()) {
                byLabel.computeIfAbsent(axis.getValue().apply(s), l -> new EnumMap<>(Verdict.class)).merge(s.verdict(), 1, Integer::sum);
            }
            if (byLabel.size() >= 2) {
                byLabel.forEach((label, counts) -> rows.add(new Row(axis.getKey(), label, counts)));
            }
        }
        return rows;
    }

    private static final String LEGEND = "Strategies counted by verdict, per choice on each axis where the strategies differ. "
            + "Each strategy keeps its own interval and verdict (the gain table); nothing is pooled across strategies.";

    /** @return the Markdown section, empty when no axis has two choices */
    static String markdown(TransferAnalysis analysis) {
        List<Row> rows = rows(analysis);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder m = new StringBuilder("\n## Verdicts by axis\n\n").append(LEGEND).append("\n\n")
                .append("| axis | choice | strategies | positive | negative | equivalent | inconclusive |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            m.append("| ").append(row.axis()).append(" | ").append(row.label().replace("|", "\\|")).append(" | ").append(row.strategies());
            for (Verdict v : Verdict.values()) {
                m.append(" | ").append(row.counts().getOrDefault(v, 0));
            }
            m.append(" |\n");
        }
        return m.toString();
    }

    /** @return the HTML section, empty when no axis has two choices */
    static String html(TransferAnalysis analysis) {
        List<Row> rows = rows(analysis);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h3>Verdicts by axis</h3>\n<p>").append(escape(LEGEND)).append("</p>\n")
                .append("<div class=scroll><table><tr><th>axis</th><th>choice</th><th>strategies</th><th>positive</th><th>negative</th>")
                .append("<th>equivalent</th><th>inconclusive</th></tr>\n");
        for (Row row : rows) {
            h.append("<tr><td>").append(escape(row.axis())).append("</td><td>").append(escape(row.label())).append("</td><td class=num>")
                    .append(row.strategies());
            for (Verdict v : Verdict.values()) {
                int n = row.counts().getOrDefault(v, 0);
                h.append("</td><td class=\"num").append(n > 0 ? " " + v : "").append("\">").append(n);
            }
            h.append("</td></tr>\n");
        }
        return h.append("</table></div>\n").toString();
    }
}
