package dev.graft.reports;

import static dev.graft.reports.Html.escape;

import dev.graft.core.store.TrialRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What each strategy costs beside what it gains: per strategy and size, the parameters trained
 * (and their share of the network), the bytes a task adds on top of the pretrained backbone, the
 * peak memory and seconds per epoch, with the scratch baselines' for comparison; and a chart of
 * mean test accuracy against parameters trained.
 */
final class CostTable {
    private CostTable() {}

    /** One row: a strategy (or a scratch configuration) at one size. */
    record Row(String name, int samplesPerClass, Costs cost, double meanAccuracy, boolean scratch) {}

    /** @return whether any strategy's trials measured their cost (runs recorded before costs were measured did not) */
    static boolean shown(TransferAnalysis analysis) {
        return analysis.summaries().stream().anyMatch(s -> s.cost() != null && s.cost().measured());
    }

    /** The strategies' rows, then each scratch configuration's, by size. */
    static List<Row> rows(TransferAnalysis analysis) {
        SharedLabels labels = SharedLabels.of(analysis, analysis.summaries());
        List<Row> rows = new ArrayList<>();
        for (StrategySummary s : analysis.summaries()) {
            rows.add(new Row(labels.name(s), s.key().samplesPerClass(), s.cost(), s.transferAccuracy().mean(), false));
        }
        Map<String, List<TrialRecord>> scratch = new LinkedHashMap<>();
        for (TrialRecord t : analysis.trials()) {
            if (t.kind().equals("scratch")) {
                scratch.computeIfAbsent(t.backbone() + "\u0000" + t.samplesPerClass(), k -> new ArrayList<>()).add(t);
            }
        }
        scratch.forEach((key, trials) -> {
            double mean = trials.stream().filter(t -> Double.isFinite(t.testAccuracy())).mapToDouble(TrialRecord::testAccuracy).average().orElse(Double.NaN);
            rows.add(new Row("scratch " + trials.get(0).backbone(), trials.get(0).samplesPerClass(), Costs.of(trials), mean, true));
        });
        rows.sort(java.util.Comparator.comparingInt(Row::samplesPerClass));
        return rows;
    }

    static final String LEGEND = "Medians over each strategy's finished seeds. Trained: parameter values that received gradients in some "
            + "epoch (the head and what an edit added included), and their share of the network trained. Task bytes: what a task stores "
            + "beside the pretrained backbone, every value the training changed (BatchNorm statistics that followed the data included; "
            + "a scratch network's all). Peak memory: the process's peak resident memory during the trial (Linux VmHWM). "
            + "Seconds per epoch: the median epoch's wall time.";

    static String markdown(TransferAnalysis analysis) {
        if (!shown(analysis)) {
            return "";
        }
        StringBuilder m = new StringBuilder("\n## What each strategy costs\n\n").append(LEGEND).append("\n\n")
                .append("| strategy | labels/class | trained | share | task bytes | peak memory | s/epoch | mean accuracy |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows(analysis)) {
            m.append("| ").append(r.name().replace("|", "\\|")).append(" | ").append(r.samplesPerClass()).append(" | ").append(r.cost().trainedCell())
                    .append(" | ").append(r.cost().shareCell()).append(" | ").append(r.cost().taskCell()).append(" | ").append(r.cost().memoryCell())
                    .append(" | ").append(r.cost().secondsCell()).append(" | ").append(Numbers.fixed(r.meanAccuracy(), 4)).append(" |\n");
        }
        return m.toString();
    }

    static String html(TransferAnalysis analysis) {
        if (!shown(analysis)) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h2 id=costs>What each strategy costs</h2>\n<p>").append(escape(LEGEND)).append("</p>\n")
                .append("<div class=scroll><table><tr><th>strategy</th><th>labels per class</th><th>trained</th><th>share</th>")
                .append("<th>task bytes</th><th>peak memory</th><th>s/epoch</th><th>mean accuracy</th></tr>\n");
        for (Row r : rows(analysis)) {
            h.append("<tr").append(r.scratch() ? " class=scratch" : "").append("><td>").append(escape(r.name())).append("</td><td class=num>")
                    .append(r.samplesPerClass()).append("</td><td class=num>").append(r.cost().trainedCell()).append("</td><td class=num>")
                    .append(r.cost().shareCell()).append("</td><td class=num>").append(r.cost().taskCell()).append("</td><td class=num>")
                    .append(r.cost().memoryCell()).append("</td><td class=num>").append(r.cost().secondsCell()).append("</td><td class=num>")
                    .append(Numbers.fixed(r.meanAccuracy(), 4)).append("</td></tr>\n");
        }
        h.append("</table></div>\n");
        String chart = chart(analysis, 900, 480);
        return chart.isEmpty() ? h.toString() : h.append(chart).append('\n').toString();
    }

    /**
     * Mean test accuracy against parameters trained (log scale): one series per size, a point per
     * strategy, scratch baselines as hollow squares.
     */
    static String chart(TransferAnalysis analysis, int width, int height) {
        List<Row> rows = rows(analysis).stream().filter(r -> r.cost().trainedParameters() != null && r.cost().trainedParameters() > 0
                && Double.isFinite(r.meanAccuracy())).toList();
        if (rows.stream().filter(r -> !r.scratch()).count() < 2) {
            return "";
        }
        TreeSet<Integer> sizes = new TreeSet<>();
        rows.forEach(r -> sizes.add(r.samplesPerClass()));
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        List<List<Row>> seriesRows = new ArrayList<>();
        int series = 0;
        int colour = 0;
        for (int size : sizes) {
            for (boolean scratch : new boolean[] {false, true}) {
                List<Row> these = rows.stream().filter(r -> r.samplesPerClass() == size && r.scratch() == scratch).toList();
                if (these.isEmpty()) {
                    continue;
                }
                XYSeries points = new XYSeries(size + " labels/class" + (scratch ? ", scratch" : ""), false, true);
                these.forEach(r -> points.add(r.cost().trainedParameters().doubleValue(), r.meanAccuracy()));
                data.addSeries(points);
                seriesRows.add(these);
                renderer.setSeriesPaint(series, ChartStyle.color(colour));
                renderer.setSeriesShape(series, scratch ? new java.awt.Rectangle(-5, -5, 10, 10) : new Ellipse2D.Double(-5, -5, 10, 10));
                renderer.setSeriesShapesFilled(series, !scratch);
                renderer.setSeriesStroke(series, new BasicStroke(1.5f));
                series++;
            }
            colour++;
        }
        renderer.setDefaultItemLabelGenerator((dataset, s, item) -> seriesRows.get(s).get(item).scratch() ? "" : seriesRows.get(s).get(item).name());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
        LogAxis x = new LogAxis("parameters trained (log scale)");
        x.setSmallestValue(1);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0)); // a tick per power of ten
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        NumberAxis y = new NumberAxis("mean test accuracy");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        long strategies = analysis.summaries().stream().map(s -> s.key().strategy()).distinct().count();
        return ChartStyle.svg(String.format(Locale.ROOT, "Accuracy against parameters trained: %d strategies at %d %s", strategies, sizes.size(),
                sizes.size() == 1 ? "size" : "sizes"), plot, width, height, true);
    }
}
