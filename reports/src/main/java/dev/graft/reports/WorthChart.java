package dev.graft.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * What transfer is worth in labels: per strategy, the labels per class scratch training needs
 * for the transfer's accuracy ({@link LabelsWorth}) against the labels the transfer had, both on
 * log scales, with each point's 95% bootstrap interval and the diagonal where transfer is worth
 * exactly its own labels (above it transfer saves labels, below it costs them). Values beyond the
 * measured scratch curve ("&gt; N", "&lt; n") are left out; the table shows them.
 */
final class WorthChart {
    private WorthChart() {}

    /** @return whether any strategy has a worth inside the measured curve, so the chart has a point */
    static boolean drawable(TransferAnalysis analysis) {
        return analysis.summaries().stream().anyMatch(WorthChart::inside);
    }

    private static boolean inside(StrategySummary s) {
        LabelsWorth w = s.worth();
        return Double.isFinite(w.value()) && w.value() >= w.smallest() && w.value() <= w.largest();
    }

    static String svg(TransferAnalysis analysis, int width, int height) {
        return svg(analysis, width, height, "");
    }

    /**
     * @param analysis the run's analysis, or its analysis on an evaluation set
     * @param width pixels at full size
     * @param height pixels at full size
     * @param where appended to the title, e.g. " on noise", or empty
     * @return the chart as SVG
     */
    static String svg(TransferAnalysis analysis, int width, int height, String where) {
        SharedLabels labels = SharedLabels.of(analysis, analysis.summaries());
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (StrategySummary s : analysis.summaries()) {
            if (!inside(s)) {
                continue;
            }
            LabelsWorth w = s.worth();
            double low = Double.isFinite(w.low()) ? Math.max(w.smallest(), w.low()) : w.smallest();
            double high = Double.isFinite(w.high()) ? Math.min(w.largest(), w.high()) : w.largest();
            series.computeIfAbsent(labels.name(s), YIntervalSeries::new).add(s.key().samplesPerClass(), w.value(), low, high);
            lowest = Math.min(lowest, Math.min(low, s.key().samplesPerClass()));
            highest = Math.max(highest, Math.max(high, s.key().samplesPerClass()));
        }
        YIntervalSeriesCollection points = new YIntervalSeriesCollection();
        series.values().forEach(points::addSeries);
        XYSeries diagonal = new XYSeries("worth = labels had");
        diagonal.add(lowest * 0.8, lowest * 0.8);
        diagonal.add(highest * 1.25, highest * 1.25);

        // ticks at the sizes the sweep measured: the scale the worth is read on
        java.util.TreeSet<Double> sizes = new java.util.TreeSet<>();
        for (StrategySummary s : analysis.summaries()) {
            sizes.add((double) s.key().samplesPerClass());
            if (Double.isFinite(s.worth().smallest()) && s.worth().largest() > 0) {
                sizes.add((double) s.worth().smallest());
                sizes.add((double) s.worth().largest());
            }
        }
        LogAxis x = ChartStyle.logAxis("labelled examples per class the transfer had (log scale)", sizes, lowest * 0.8, highest * 1.25);
        LogAxis y = ChartStyle.logAxis("labels per class scratch needs for the same accuracy (log scale)", sizes, lowest * 0.8, highest * 1.25);
        XYPlot plot = new XYPlot(points, x, y, ChartStyle.errorBars(series.size()));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, Color.GRAY);
        line.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        plot.setDataset(1, new XYSeriesCollection(diagonal));
        plot.setRenderer(1, line);
        return ChartStyle.svg("What transfer is worth in labels" + where + " (95% bootstrap interval over seeds)", plot, width, height);
    }
}
