package dev.graft.reports;

import dev.graft.core.stats.ErrorControl;
import dev.graft.core.store.PretrainRecord;
import dev.graft.core.store.SimilarityRecord;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.util.List;
import java.util.stream.Collectors;

/** {@code report.md}: the summary tables in Markdown. */
final class MarkdownReport {
    private MarkdownReport() {}

    static String render(RunData data) {
        StringBuilder m = new StringBuilder();
        m.append("# ").append(data.experiment()).append("\n\n");
        if (!data.description().isBlank()) {
            m.append(data.description().strip()).append("\n\n");
        }
        long finished = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.finished).count();
        long failed = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.failed).count();
        m.append(data.planned()).append(" trials planned, ").append(finished).append(" finished, ").append(failed).append(" failed.\n\n");
        if (!data.featureCacheNote().isEmpty()) {
            m.append(data.featureCacheNote()).append("\n\n");
        }
        List<String> warnings = data.warnings();
        if (!warnings.isEmpty()) {
            m.append("## Warnings: where this design cannot decide\n\n");
            warnings.forEach(w -> m.append("- ").append(w).append('\n'));
            m.append('\n');
        }
        m.append("## Transfer gain\n\n").append(GainLegend.method(data.rule())).append(' ').append(GainLegend.verdicts(data.rule()))
                .append("\n\n").append(GainLegend.companion()).append("\n\n");
        boolean controlled = data.rule().control() != ErrorControl.none;
        if (controlled) {
            m.append(GainLegend.control(data.rule())).append("\n\n");
        }
        m.append(GainLegend.worth(data.analysis())).append("\n\n");
        boolean worth = GainLegend.showsWorth(data.analysis());
        List<String> axes = data.analysis().shownAxes();
        boolean sequential = data.rule().sequential();
        boolean costs = CostTable.shown(data.analysis());
        m.append("| backbone | ").append(axes.stream().map(a -> a + " | ").collect(Collectors.joining()))
                .append("samples/class | seeds | ").append(sequential ? "stopped | " : "")
                .append("transfer acc | scratch acc | gain [95% CI] | verdict | ").append(costs ? "trained | task bytes | " : "")
                .append(controlled ? GainLegend.controlHeader(data.rule()) + " | " : "")
                .append("median [sign test] |").append(worth ? " worth (labels/class) |" : "").append("\n");
        m.append("|---|").append("---|".repeat(axes.size())).append("---:|---:|").append(sequential ? "---|" : "")
                .append("---:|---:|---:|---|").append(costs ? "---:|---:|" : "").append(controlled ? "---|" : "").append("---|").append(worth ? "---:|" : "").append("\n");
        for (StrategySummary s : data.analysis().summaries()) {
            m.append("| ").append(cell(s.key().backbone())).append(" | ")
                    .append(axes.stream().map(a -> cell(s.key().label(a)) + " | ").collect(Collectors.joining()))
                    .append(s.key().samplesPerClass()).append(" | ").append(s.gain().n()).append(" | ")
                    .append(sequential ? cell(s.stopReason()) + " | " : "")
                    .append(Numbers.meanSd(s.transferAccuracy())).append(" | ").append(Numbers.meanSd(s.scratchAccuracy())).append(" | ")
                    .append(Numbers.interval(s.gain(), 4)).append(" | ").append(s.verdict()).append(s.failedTrials() > 0 ? " (" + s.failedTrials() + " failed)" : "")
                    .append(" | ").append(costs ? s.cost().trainedCell() + " | " + s.cost().taskCell() + " | " : "")
                    .append(controlled ? s.decision().controlled() + " | " : "").append(GainLegend.companionCell(s, 4))
                    .append(" |").append(worth ? " " + cell(GainLegend.worthCell(s)) + " |" : "").append("\n");
        }
        m.append(VerdictsByAxis.markdown(data.analysis()));
        m.append(CostTable.markdown(data.analysis()));
        m.append(EvaluationTable.markdown(data));
        if (!data.similarities().isEmpty()) {
            m.append("\n## Similarity and transferability metrics\n\n| backbone | metric | kind | value | direction | error |\n|---|---|---|---:|---|---|\n");
            for (SimilarityRecord s : data.similarities()) {
                m.append("| ").append(cell(s.backbone())).append(" | ").append(s.metric()).append(" | ").append(s.kindLabel()).append(" | ")
                        .append(Numbers.general(s.value())).append(" | ").append(HtmlReport.direction(s)).append(" | ")
                        .append(s.error() == null ? "" : cell(s.error())).append(" |\n");
            }
        }
        MetricPredictions predictions = data.predictions();
        if (!predictions.metrics().isEmpty()) {
            m.append("\n## Did the metrics predict the gain?\n\n").append(MetricPredictions.legend()).append("\n\n")
                    .append("| metric | tau (accuracy) [95% bootstrap] | weighted tau (accuracy) | tau (gain) [95% bootstrap] | weighted tau (gain) | cost / fine-tuning |\n")
                    .append("|---|---:|---:|---:|---:|---:|\n");
            for (MetricPredictions.MetricRanking r : predictions.metrics()) {
                m.append("| ").append(r.metric()).append(" | ").append(MetricPredictions.cell(r.tauAccuracy(), r.tauAccuracyInterval())).append(" | ")
                        .append(Numbers.signed(r.weightedTauAccuracy(), 3)).append(" | ").append(MetricPredictions.cell(r.tauGain(), r.tauGainInterval()))
                        .append(" | ").append(Numbers.signed(r.weightedTauGain(), 3)).append(" | ").append(Numbers.general(r.costFraction())).append(" |\n");
            }
            m.append("\n| metric | backbone | score | mean transfer accuracy | mean gain | trials |\n|---|---|---:|---:|---:|---:|\n");
            for (MetricPredictions.MetricRanking r : predictions.metrics()) {
                for (MetricPredictions.Row row : r.rows()) {
                    m.append("| ").append(r.metric()).append(" | ").append(cell(row.backbone())).append(" | ").append(Numbers.general(row.score()))
                            .append(" | ").append(Numbers.fixed(row.meanAccuracy(), 4)).append(" | ").append(Numbers.signed(row.meanGain(), 4))
                            .append(" | ").append(row.trials()).append(" |\n");
                }
            }
        }
        if (!data.pretrainings().isEmpty()) {
            m.append("\n## Pretrained source backbones\n\n| backbone | source val accuracy | seconds | this run |\n|---|---:|---:|---|\n");
            for (PretrainRecord p : data.pretrainings()) {
                m.append("| ").append(cell(p.backbone())).append(" | ").append(Numbers.fixed(p.sourceAccuracy(), 4)).append(" | ")
                        .append(Numbers.fixed(p.seconds(), 1)).append(" | ").append(p.cached() ? "reused from cache" : "trained").append(" |\n");
            }
        }
        List<TrialRecord> failures = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.failed).toList();
        if (!failures.isEmpty()) {
            m.append("\n## Failures\n\n| trial | kind | strategy | samples/class | seed | error |\n|---|---|---|---:|---:|---|\n");
            for (TrialRecord t : failures) {
                m.append("| ").append(t.trialId()).append(" | ").append(t.kind()).append(" | ")
                        .append(cell(t.strategy())).append(" | ")
                        .append(t.samplesPerClass()).append(" | ").append(t.seed()).append(" | ").append(cell(t.error())).append(" |\n");
            }
        }
        return m.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
