package dev.graft.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/** What the report's charts share: colours that stay distinguishable with colour-vision deficiencies (Okabe-Ito). */
final class ChartStyle {
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK};

    /**
     * The smallest scale a chart's text stays legible at (its tick labels are 10 px at full size):
     * on a narrow screen a chart is drawn at least this share of its full width, in a box that
     * scrolls sideways, rather than shrunk to the screen ({@code --legible} on the element).
     */
    static final double LEGIBLE = 0.85;

    private ChartStyle() {}

    /**
     * A log-scale axis whose ticks are exactly {@code values} (the sample sizes a sweep measured,
     * say), each labelled with its number: JFreeChart's own log ticks fall on powers of ten and
     * left a range such as 5 to 50 with one unlabelled tick or none.
     *
     * @param label the axis label
     * @param values where the ticks go
     * @param low the axis's lower bound
     * @param high its upper bound
     * @return the axis
     */
    static LogAxis logAxis(String label, TreeSet<Double> values, double low, double high) {
        LogAxis axis = new LogAxis(label) {
            private static final long serialVersionUID = 1L;

            @Override
            @SuppressWarnings({"rawtypes", "unchecked"})
            public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
                List ticks = new ArrayList();
                boolean vertical = RectangleEdge.isLeftOrRight(edge);
                for (double v : values) {
                    if (v >= getLowerBound() && v <= getUpperBound()) {
                        String text = v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
                        ticks.add(new NumberTick(v, text, vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER,
                                vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER, 0.0));
                    }
                }
                return ticks;
            }
        };
        axis.setBase(10);
        axis.setRange(low, high);
        return axis;
    }

    /**
     * @param series how many series it draws
     * @return lines with points and vertical error bars, a palette colour per series
     */
    static org.jfree.chart.renderer.xy.XYErrorRenderer errorBars(int series) {
        org.jfree.chart.renderer.xy.XYErrorRenderer renderer = new org.jfree.chart.renderer.xy.XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(6);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, color(i));
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(2f));
        }
        renderer.setErrorPaint(null);
        return renderer;
    }

    /**
     * @param title the chart's title
     * @param plot its plot, styled here (white background, light grid)
     * @param width pixels
     * @param height pixels
     * @return the chart as an SVG element
     */
    static String svg(String title, org.jfree.chart.plot.Plot plot, int width, int height) {
        return svg(title, plot, width, height, true);
    }

    /**
     * @param title the chart's title
     * @param plot its plot, styled here (white background, light grid)
     * @param width pixels at full size
     * @param height pixels at full size
     * @param legend whether to draw a legend
     * @return the chart as an SVG element that scales with its container (a viewBox, no fixed
     *     size) down to {@link #LEGIBLE} of its full width; its definitions carry a prefix of their
     *     own, so several charts share a page
     */
    static String svg(String title, org.jfree.chart.plot.Plot plot, int width, int height, boolean legend) {
        System.setProperty("java.awt.headless", "true");
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xdddddd));
            xy.setRangeGridlinePaint(new Color(0xdddddd));
        }
        org.jfree.chart.JFreeChart chart = new org.jfree.chart.JFreeChart(title, new java.awt.Font("SansSerif", java.awt.Font.BOLD, 14), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        org.jfree.svg.SVGGraphics2D g2 = new org.jfree.svg.SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("g" + CHARTS.incrementAndGet() + "_");
        // a tenth of a pixel is finer than any screen shows; full doubles made a chart ten times larger
        g2.setGeomDoubleConverter(ChartStyle::tenth);
        g2.setTransformDoubleConverter(ChartStyle::tenth);
        chart.draw(g2, new java.awt.Rectangle(0, 0, width, height));
        return g2.getSVGElement(null, false, new org.jfree.svg.ViewBox(0, 0, width, height), null, null)
                .replaceFirst("<svg ", "<svg class=\"chart\" style=\"--legible:" + Math.round(LEGIBLE * width) + "px\" ");
    }

    private static String tenth(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths < 0 && tenths > -10 ? "-" : "") + (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    /** Numbers the charts a process draws, for their definitions' prefixes. */
    private static final java.util.concurrent.atomic.AtomicInteger CHARTS = new java.util.concurrent.atomic.AtomicInteger();

    /** Colours of the verdicts, as the tables shade them. */
    static Color verdictColor(dev.graft.core.stats.Verdict verdict) {
        return switch (verdict) {
            case positive -> new Color(0x1b7837);
            case negative -> new Color(0xb2182b);
            case equivalent -> new Color(0x2166ac);
            case inconclusive -> new Color(0x777777);
        };
    }

    /** @return the colour of the i-th series */
    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }
}
