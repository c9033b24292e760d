package dev.graft.reports;

import dev.graft.core.store.TrialRecord;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * In distribution against out of it: each seed of each strategy as a point, its gain over
 * scratch on the test split (x) against its gain on an evaluation set (y), the diagonal where
 * they agree. A strategy below the diagonal loses more (or gains less) under the shift than in
 * distribution.
 */
final class InAndOut {
    private InAndOut() {}

    /**
     * @param test the run's analysis on the test split
     * @param onSet the same trials' analysis on the set
     * @param set the set's name
     * @param name a strategy's name in the legend
     * @return the scatter as SVG, or an empty string when no seed has a gain on both
     */
    static String svg(TransferAnalysis test, TransferAnalysis onSet, String set, java.util.function.Function<StrategySummary, String> name) {
        XYSeriesCollection series = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        double low = 0;
        double high = 0;
        int points = 0;
        List<StrategySummary> summaries = test.summaries();
        for (int i = 0; i < summaries.size(); i++) {
            StrategySummary s = summaries.get(i);
            XYSeries xy = new XYSeries(name.apply(s), false, true);
            for (TrialRecord trial : test.strategyTrials().getOrDefault(s.key().id(), List.of())) {
                Double in = test.gains().get(trial.trialId());
                Double out = onSet.gains().get(trial.trialId());
                if (in != null && out != null) {
                    xy.add(in, out);
                    low = Math.min(low, Math.min(in, out));
                    high = Math.max(high, Math.max(in, out));
                    points++;
                }
            }
            if (xy.getItemCount() > 0) {
                renderer.setSeriesPaint(series.getSeriesCount(), ChartStyle.color(i));
                renderer.setSeriesShape(series.getSeriesCount(), new Ellipse2D.Double(-3.5, -3.5, 7, 7));
                series.addSeries(xy);
            }
        }
        if (points == 0) {
            return "";
        }
        double pad = Math.max(0.02, (high - low) * 0.05);
        NumberAxis x = new NumberAxis("gain over scratch in distribution (test split)");
        NumberAxis y = new NumberAxis("gain over scratch on " + set);
        x.setRange(low - pad, high + pad);
        y.setRange(low - pad, high + pad);
        XYPlot plot = new XYPlot(series, x, y, renderer);
        plot.addAnnotation(new XYLineAnnotation(low - pad, low - pad, high + pad, high + pad, new java.awt.BasicStroke(1f), Color.GRAY));
        plot.setRangeZeroBaselineVisible(true);
        plot.setDomainZeroBaselineVisible(true);
        return ChartStyle.svg(String.format(Locale.ROOT, "%s against the test split: each seed's gain (%d points)", set, points), plot, 520, 420);
    }
}
