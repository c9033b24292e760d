package dev.graft.reports;

import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.train.EpochMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One strategy's learning curves, a small multiple: training loss (top) and validation accuracy
 * (bottom) per epoch for each of its seeds (in the strategy's colour) beside its scratch baselines
 * (grey, dashed), each transfer trial's best epoch marked with a black dot.
 */
final class LearningCurves {
    private LearningCurves() {}

    /**
     * @param analysis the run's analysis
     * @param s a strategy
     * @param colour its colour
     * @param byId the run's trials by id
     * @return the chart as SVG, or an empty string when no trial of it recorded epochs
     */
    static String svg(TransferAnalysis analysis, StrategySummary s, Color colour, Map<String, TrialRecord> byId) {
        List<TrialRecord> transfer = analysis.strategyTrials().getOrDefault(s.key().id(), List.of()).stream()
                .filter(t -> t.status() == TrialStatus.finished && !t.epochs().isEmpty()).toList();
        if (transfer.isEmpty()) {
            return "";
        }
        XYSeriesCollection loss = new XYSeriesCollection();
        XYSeriesCollection accuracy = new XYSeriesCollection();
        XYSeries best = new XYSeries("best epoch");
        int series = 0;
        XYLineAndShapeRenderer lossLines = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer accuracyLines = new XYLineAndShapeRenderer(true, false);
        // one path per series, not one per segment
        lossLines.setDrawSeriesLineAsPath(true);
        accuracyLines.setDrawSeriesLineAsPath(true);
        for (int pass = 0; pass < 2; pass++) {
            for (TrialRecord trial : transfer) {
                TrialRecord record = pass == 0 ? trial : byId.get(trial.baselineId());
                if (record == null || record.epochs().isEmpty()) {
                    continue;
                }
                XYSeries l = new XYSeries((pass == 0 ? "transfer" : "scratch") + " seed " + record.seed() + " #" + series, false);
                XYSeries a = new XYSeries((pass == 0 ? "transfer" : "scratch") + " seed " + record.seed() + " #" + series, false);
                for (EpochMetrics e : record.epochs()) {
                    if (Double.isFinite(e.trainLoss())) {
                        l.add(e.epoch(), e.trainLoss());
                    }
                    if (Double.isFinite(e.validationAccuracy())) {
                        a.add(e.epoch(), e.validationAccuracy());
                    }
                }
                loss.addSeries(l);
                accuracy.addSeries(a);
                Color c = pass == 0 ? colour : new Color(0x999999);
                BasicStroke stroke = pass == 0 ? new BasicStroke(1.4f)
                        : new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f);
                lossLines.setSeriesPaint(series, c);
                lossLines.setSeriesStroke(series, stroke);
                accuracyLines.setSeriesPaint(series, c);
                accuracyLines.setSeriesStroke(series, stroke);
                if (pass == 0 && record.bestEpoch() > 0 && record.bestEpoch() <= record.epochs().size()
                        && Double.isFinite(record.epochs().get(record.bestEpoch() - 1).validationAccuracy())) {
                    best.add(record.bestEpoch(), record.epochs().get(record.bestEpoch() - 1).validationAccuracy());
                }
                series++;
            }
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        NumberAxis lossAxis = new NumberAxis("training loss");
        lossAxis.setAutoRangeIncludesZero(true);
        plot.add(new XYPlot(loss, null, lossAxis, lossLines), 1);
        NumberAxis accuracyAxis = new NumberAxis("validation accuracy");
        accuracyAxis.setRange(0, 1.0);
        XYPlot lower = new XYPlot(accuracy, null, accuracyAxis, accuracyLines);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, Color.BLACK);
        dots.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        lower.setDataset(1, new XYSeriesCollection(best));
        lower.setRenderer(1, dots);
        plot.add(lower, 1);
        for (Object subplot : plot.getSubplots()) {
            ((XYPlot) subplot).setBackgroundPaint(Color.WHITE);
            ((XYPlot) subplot).setDomainGridlinePaint(new Color(0xdddddd));
            ((XYPlot) subplot).setRangeGridlinePaint(new Color(0xdddddd));
        }
        return ChartStyle.svg(s.key().strategy() + ", " + s.key().samplesPerClass() + "/class", plot, 420, 340, false);
    }
}
