package dev.graft.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's chart: transfer gain over scratch against labelled samples per class, one line
 * per strategy, with each point's 95% interval over seeds as an error bar. Rendered to SVG so
 * the HTML report stays one self-contained file.
 */
final class GainChart {
    /** Okabe-Ito: distinguishable with colour-vision deficiencies. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK};

    private GainChart() {}

    static String svg(TransferAnalysis analysis, int width, int height) {
        System.setProperty("java.awt.headless", "true");
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

        LogAxis x = new LogAxis("labelled samples per class (log scale)");
        x.setBase(10);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setSmallestValue(1);
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        NumberAxis y = new NumberAxis("test accuracy gain over scratch");
        y.setAutoRangeIncludesZero(true);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(6);
        for (int i = 0; i < series.size(); i++) {
            Color color = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setErrorPaint(null);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        ValueMarker zero = new ValueMarker(0, Color.GRAY, new BasicStroke(1.5f));
        plot.addRangeMarker(zero);
        JFreeChart chart = new JFreeChart("Transfer gain vs labelled data (mean, 95% CI over seeds)",
                new Font("SansSerif", Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement();
    }
}
