package dev.graft.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** One similarity metric's score per backbone against the backbone's realised mean gain over scratch, Kendall's tau in the title. */
final class MetricScatter {
    private MetricScatter() {}

    /**
     * @param ranking a metric's rows
     * @param kind what the metric is ("transferability score", "domain distance", ...)
     * @return the scatter as SVG, or an empty string when fewer than two backbones have both a score and a gain
     */
    static String svg(MetricPredictions.MetricRanking ranking, String kind) {
        List<MetricPredictions.Row> rows = ranking.rows().stream().filter(r -> Double.isFinite(r.score()) && Double.isFinite(r.meanGain())).toList();
        if (rows.size() < 2) {
            return "";
        }
        XYSeries points = new XYSeries(ranking.metric(), false);
        rows.forEach(r -> points.add(r.score(), r.meanGain()));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, ChartStyle.color(0));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        XYItemLabelGenerator labels = (dataset, series, item) -> rows.get(item).backbone();
        renderer.setDefaultItemLabelGenerator(labels);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        NumberAxis x = new NumberAxis(ranking.metric() + " (" + kind + (ranking.higherIsBetter() ? ", higher predicts more transfer)" : ", lower predicts more transfer)"));
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("realised mean gain over scratch");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(points), x, y, renderer);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(Color.GRAY);
        return ChartStyle.svg(String.format(Locale.ROOT, "%s: Kendall τ = %s over %d backbones", ranking.metric(),
                Double.isNaN(ranking.tauGain()) ? "n/a" : String.format(Locale.ROOT, "%+.2f", ranking.tauGain()), rows.size()), plot, 520, 340, false);
    }
}
