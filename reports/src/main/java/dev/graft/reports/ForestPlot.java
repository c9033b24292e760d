package dev.graft.reports;

import dev.graft.core.stats.Verdict;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A forest plot of one labelled-data size: per strategy, its mean gain over scratch with its 95%
 * interval (coloured by verdict) and every seed's gain as a grey point, beside the zero line. The
 * gain axis is clipped to what a gain can be, [−1, 1]: an interval that excludes nothing yet is
 * drawn to those bounds.
 */
final class ForestPlot {
    private ForestPlot() {}

    /**
     * @param analysis the run's analysis
     * @param samplesPerClass the size to draw
     * @param width pixels at full size
     * @return the plot as SVG, or an empty string when no strategy at this size has a gain
     */
    static String svg(TransferAnalysis analysis, int samplesPerClass, int width) {
        return svg(analysis, samplesPerClass, width, "test accuracy", "");
    }

    /**
     * @param analysis the run's analysis, or its analysis on an evaluation set
     * @param samplesPerClass the size to draw
     * @param width pixels at full size
     * @param score what the gain is a difference of, e.g. "test accuracy" or "accuracy on noise"
     * @param where appended to the title, e.g. " on noise", or empty
     * @return the plot as SVG, or an empty string when no strategy at this size has a gain
     */
    static String svg(TransferAnalysis analysis, int samplesPerClass, int width, String score, String where) {
        List<StrategySummary> rows = analysis.summaries().stream()
                .filter(s -> s.key().samplesPerClass() == samplesPerClass && s.gain().n() > 0).toList();
        if (rows.isEmpty()) {
            return "";
        }
        // the labels every strategy shares are said beside the table; the plot names what tells them apart
        SharedLabels labels = SharedLabels.of(analysis, analysis.summaries());
        String[] names = new String[rows.size()];
        Map<Verdict, XYIntervalSeries> byVerdict = new EnumMap<>(Verdict.class);
        XYSeries seeds = new XYSeries("one seed's gain");
        double low = 0;
        double high = 0;
        for (int i = 0; i < rows.size(); i++) {
            StrategySummary s = rows.get(i);
            // the first strategy at the top
            int y = rows.size() - 1 - i;
            names[y] = labels.name(s);
            double lo = Double.isFinite(s.gain().low()) ? Math.max(-1, s.gain().low()) : s.gain().n() < 2 ? s.gain().mean() : -1;
            double hi = Double.isFinite(s.gain().high()) ? Math.min(1, s.gain().high()) : s.gain().n() < 2 ? s.gain().mean() : 1;
            byVerdict.computeIfAbsent(s.verdict(), v -> new XYIntervalSeries(v.name())).add(s.gain().mean(), lo, hi, y, y, y);
            low = Math.min(low, lo);
            high = Math.max(high, hi);
            List<Double> gains = analysis.seedGains().getOrDefault(s.key().id(), List.of());
            for (int k = 0; k < gains.size(); k++) {
                // a small fixed offset per seed keeps equal gains apart
                seeds.add(gains.get(k).doubleValue(), y + 0.12 * (((k * 7) % 5) - 2) / 2.0);
                low = Math.min(low, gains.get(k));
                high = Math.max(high, gains.get(k));
            }
        }
        XYIntervalSeriesCollection intervals = new XYIntervalSeriesCollection();
        byVerdict.values().forEach(intervals::addSeries);
        NumberAxis x = new NumberAxis("gain over scratch (" + score + ", transfer minus scratch)");
        double pad = Math.max(0.02, 0.05 * (high - low));
        x.setRange(Math.max(-1, low - pad), Math.min(1, high + pad));
        SymbolAxis y = new SymbolAxis(null, names);
        y.setGridBandsVisible(false);
        y.setRange(-0.7, rows.size() - 0.3);

        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setDrawXError(true);
        renderer.setCapLength(8);
        renderer.setErrorStroke(new BasicStroke(2.5f));
        renderer.setDefaultLinesVisible(false);
        int i = 0;
        for (Verdict verdict : byVerdict.keySet()) {
            renderer.setSeriesPaint(i, ChartStyle.verdictColor(verdict));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
            i++;
        }
        renderer.setErrorPaint(null);
        XYPlot plot = new XYPlot(intervals, x, y, renderer);
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, new Color(0x555555, false));
        points.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        plot.setDataset(1, new XYSeriesCollection(seeds));
        plot.setRenderer(1, points);
        plot.addDomainMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1.2f)));
        return ChartStyle.svg("Gain over scratch" + where + " at " + samplesPerClass + " labels per class (mean, 95% interval; points: seeds)",
                plot, width, 110 + 44 * rows.size());
    }
}
