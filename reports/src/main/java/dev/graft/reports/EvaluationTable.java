package dev.graft.reports;

import dev.graft.core.stats.Interval;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The strategies against the evaluation sets: per strategy, the gain over scratch on the test
 * split and on each set of the target's examples, each with its interval and verdict from the
 * run's decision rule (error control within each set, as on the test split), and on the source
 * task the mean accuracy over seeds (retention; a scratch trial has no source task to gain over).
 */
final class EvaluationTable {
    private EvaluationTable() {}

    /**
     * @param data a run
     * @return the Markdown section, or an empty string when the run has no evaluation sets
     */
    static String markdown(RunData data) {
        if (data.evaluationSets().isEmpty()) {
            return "";
        }
        StringBuilder m = new StringBuilder("## Evaluation sets\n\n");
        m.append("Every trial scored on each set after training, without retraining. Target sets: gain over the paired scratch trial on "
                + "that set [95% interval] and verdict, decided as on the test split (").append(data.rule().sequential()
                        ? "anytime-valid confidence sequence" : "Student-t").append(", error control within each set), and where scratch's curve on the set allows, what the transfer is worth there "
                        + "in scratch's labels per class. Source task: the "
                        + "trained backbone under its pretrained source head, mean accuracy over seeds [95% Student-t interval].\n\n");
        List<String> axes = data.analysis().shownAxes();
        List<String> sets = new ArrayList<>(data.evaluationSets().keySet());
        m.append("| backbone | ").append(axes.stream().map(a -> a + " | ").collect(Collectors.joining())).append("samples/class | test | ")
                .append(sets.stream().map(s -> cellText(s) + (data.evaluationSets().get(s) ? " (source task)" : "") + " | ").collect(Collectors.joining()))
                .append("\n");
        m.append("|---|").append("---|".repeat(axes.size())).append("---:|---|").append("---|".repeat(sets.size())).append("\n");
        Map<String, Map<String, StrategySummary>> bySet = new LinkedHashMap<>();
        data.bySet().forEach((set, analysis) -> bySet.put(set, analysis.summaries().stream()
                .collect(Collectors.toMap(s -> s.key().id(), s -> s, (a, b) -> a, LinkedHashMap::new))));
        for (StrategySummary s : data.analysis().summaries()) {
            m.append("| ").append(cellText(s.key().backbone())).append(" | ")
                    .append(axes.stream().map(a -> cellText(s.key().label(a)) + " | ").collect(Collectors.joining()))
                    .append(s.key().samplesPerClass()).append(" | ").append(gainCell(s)).append(" | ");
            for (String set : sets) {
                if (data.evaluationSets().get(set)) {
                    m.append(retentionCell(data.analysis().strategyTrials().get(s.key().id()), set));
                } else {
                    StrategySummary onSet = bySet.getOrDefault(set, Map.of()).get(s.key().id());
                    m.append(onSet == null ? "n/a" : gainCell(onSet) + (GainLegend.showsWorth(data.bySet().get(set))
                            ? "; worth " + cellText(GainLegend.worthCell(onSet)) : ""));
                }
                m.append(" | ");
            }
            m.append("\n");
        }
        return m.append("\n").toString();
    }

    private static String gainCell(StrategySummary s) {
        return Numbers.interval(s.gain(), 3) + " " + s.verdict();
    }

    /**
     * @param trials a strategy's transfer trials
     * @param set an evaluation set
     * @return the mean accuracy of its finished trials on the set, with a 95% Student-t interval over seeds
     */
    static Interval accuracies(List<TrialRecord> trials, String set) {
        return Interval.studentT((trials == null ? List.<TrialRecord>of() : trials).stream()
                .filter(t -> t.status() == TrialStatus.finished)
                .map(t -> t.evaluation(set)).filter(java.util.Optional::isPresent).mapToDouble(e -> e.get().accuracy())
                .filter(Double::isFinite).toArray());
    }

    /** The mean source-task accuracy of a strategy's finished trials, with a Student-t interval over seeds. */
    static String retentionCell(List<TrialRecord> trials, String set) {
        Interval interval = accuracies(trials, set);
        if (interval.n() == 0) {
            return "n/a";
        }
        if (interval.n() < 2) {
            return Numbers.fixed(interval.mean(), 3) + " (1 seed)";
        }
        return Numbers.fixed(interval.mean(), 3) + " [" + Numbers.fixed(interval.low(), 3) + ", " + Numbers.fixed(interval.high(), 3) + "]";
    }

    private static String cellText(String text) {
        return text.replace("|", "\\|");
    }

    /**
     * The HTML section: one card per strategy (the labels every strategy shares in the caption),
     * each listing the test split and every set with its gain and verdict, so that no table grows
     * wider than a phone; then, per target set, each seed's gain there against its gain in
     * distribution.
     *
     * @param data a run
     * @return the section, or an empty string when the run has no evaluation sets
     */
    static String html(RunData data) {
        if (data.evaluationSets().isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h2>Evaluation sets</h2>\n<p>");
        h.append(Html.escape("Every trial scored on each set after training, without retraining. Target sets: the gain over the "
                + "paired scratch trial on that set [95% interval] and its verdict, decided as on the test split, with error control within "
                + "each set. Source task: the trained backbone under its pretrained source head, mean accuracy over seeds [95% Student-t]."))
                .append("</p>\n");
        List<StrategySummary> summaries = data.analysis().summaries();
        SharedLabels labels = SharedLabels.of(data.analysis(), summaries);
        if (!labels.caption().isEmpty()) {
            h.append("<p><b>Every strategy:</b> ").append(Html.escape(labels.caption())).append("</p>\n");
        }
        Map<String, Map<String, StrategySummary>> bySet = new LinkedHashMap<>();
        data.bySet().forEach((set, analysis) -> bySet.put(set, analysis.summaries().stream()
                .collect(Collectors.toMap(s -> s.key().id(), s -> s, (a, b) -> a, LinkedHashMap::new))));
        h.append("<div class=cards>\n");
        java.util.function.Function<StrategySummary, String> title = s -> {
            String differing = labels.differingOf(s);
            return (differing.isEmpty() ? "" : differing + ", ") + s.key().samplesPerClass() + "/class";
        };
        for (StrategySummary s : summaries) {
            h.append("<table class=card><caption>").append(Html.escape(title.apply(s))).append("</caption>\n");
            h.append(row("test", Numbers.interval(s.gain(), 3), s.verdict().name()));
            for (Map.Entry<String, Boolean> set : data.evaluationSets().entrySet()) {
                if (set.getValue()) {
                    h.append(row(set.getKey(), retentionCell(data.analysis().strategyTrials().get(s.key().id()), set.getKey()), "retention"));
                } else {
                    StrategySummary onSet = bySet.getOrDefault(set.getKey(), Map.of()).get(s.key().id());
                    h.append(onSet == null ? row(set.getKey(), "n/a", "")
                            : row(set.getKey(), Numbers.interval(onSet.gain(), 3), onSet.verdict().name()));
                }
            }
            h.append("</table>\n");
        }
        h.append("</div>\n<div class=pair>\n");
        for (Map.Entry<String, TransferAnalysis> set : data.bySet().entrySet()) {
            String svg = InAndOut.svg(data.analysis(), set.getValue(), set.getKey(), title);
            if (!svg.isEmpty()) {
                h.append("<div class=half>").append(svg).append("</div>\n");
            }
        }
        h.append("</div>\n");
        data.bySet().forEach((set, analysis) -> h.append(perSet(set, analysis)));
        return h.toString();
    }

    /**
     * One target set's forest plot per labelled-data size and its labels-worth chart (what a
     * transfer is worth in scratch's labels when both are scored on that set), folded under a
     * line that counts its verdicts.
     */
    private static String perSet(String set, TransferAnalysis analysis) {
        StringBuilder charts = new StringBuilder();
        new java.util.TreeSet<>(analysis.summaries().stream().map(s -> s.key().samplesPerClass()).toList()).forEach(size -> {
            String svg = ForestPlot.svg(analysis, size, 720, "accuracy on " + set, " on " + set);
            if (!svg.isEmpty()) {
                charts.append(svg).append('\n');
            }
        });
        if (WorthChart.drawable(analysis)) {
            charts.append(WorthChart.svg(analysis, 900, 480, " on " + set)).append('\n');
        }
        if (charts.length() == 0) {
            return "";
        }
        Map<dev.graft.core.stats.Verdict, Long> verdicts = analysis.summaries().stream().filter(s -> s.gain().n() > 0)
                .collect(Collectors.groupingBy(StrategySummary::verdict, () -> new java.util.EnumMap<>(dev.graft.core.stats.Verdict.class),
                        Collectors.counting()));
        return "<details><summary>" + Html.escape(set + ": " + verdicts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + "; forest plots and labels worth") + "</summary>\n" + charts + "</details>\n";
    }

    private static String row(String set, String value, String verdict) {
        return "<tr><td>" + Html.escape(set) + "</td><td class=num>" + Html.breakOnce(value) + "</td><td class=\"" + verdict + "\">"
                + Html.escape(verdict) + "</td></tr>\n";
    }
}
