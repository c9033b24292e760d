package dev.graft.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's chart: transfer gain over scratch against labelled samples per class, one line
 * per strategy, with each point's 95% interval over seeds as an error bar. Rendered to SVG so
 * the HTML report stays one self-contained file.
 */
final class GainChart {
    private GainChart() {}

    static String svg(TransferAnalysis analysis, int width, int height) {
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        for (StrategySummary s : analysis.summaries()) {
            if (s.gain().n() == 0) {
                continue;
            }
            YIntervalSeries line = series.computeIfAbsent(s.key().strategy(), YIntervalSeries::new);
            // a gain lies in [-1, 1]: an interval that does not exclude anything yet is drawn to those bounds
            double low = Double.isNaN(s.gain().low()) ? s.gain().mean() : Math.max(-1, s.gain().low());
            double high = Double.isNaN(s.gain().high()) ? s.gain().mean() : Math.min(1, s.gain().high());
            line.add(s.key().samplesPerClass(), s.gain().mean(), low, high);
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        series.values().forEach(dataset::addSeries);

        java.util.TreeSet<Double> sizes = new java.util.TreeSet<>();
        analysis.summaries().forEach(s -> sizes.add((double) s.key().samplesPerClass()));
        double first = sizes.isEmpty() ? 1 : sizes.first();
        double last = sizes.isEmpty() ? 10 : sizes.last();
        // one size would give the axis no width: a factor of two either side
        LogAxis x = ChartStyle.logAxis("labelled samples per class (log scale)", sizes, first / (first == last ? 2 : 1.25),
                last * (first == last ? 2 : 1.25));
        NumberAxis y = new NumberAxis("test accuracy gain over scratch");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(dataset, x, y, ChartStyle.errorBars(series.size()));
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1.5f)));
        return ChartStyle.svg("Transfer gain vs labelled data (mean, 95% CI over seeds)", plot, width, height);
    }
}
