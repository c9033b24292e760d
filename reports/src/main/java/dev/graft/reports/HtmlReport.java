package dev.graft.reports;

import static dev.graft.reports.Html.escape;

import dev.graft.core.store.PretrainRecord;
import dev.graft.core.store.SimilarityRecord;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.time.Instant;
import java.util.List;

/** {@code index.html}: one self-contained page (inline CSS and SVG). */
final class HtmlReport {
    private HtmlReport() {}

    static String render(RunData data) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Graft: ").append(escape(data.experiment()))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:0.9em}")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".positive{background:#e3f5e1}.negative{background:#fbe3e3}.equivalent{background:#e6eefb}.inconclusive{background:#f7f7f7}")
                .append(".failed{color:#b00}details{margin:1em 0}code{background:#f3f3f3;padding:1px 3px}")
                .append("\n</style></head><body>\n");
        h.append("<h1>").append(escape(data.experiment())).append("</h1>\n");
        h.append("<p>").append(escape(data.description())).append("</p>\n");
        long finished = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.finished).count();
        long failed = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.failed).count();
        h.append("<p>").append(data.planned()).append(" trials planned, ").append(finished).append(" finished, ").append(failed)
                .append(" failed, ").append(data.planned() - finished - failed).append(" not run. Generated ")
                .append(escape(Instant.now().toString())).append(".</p>\n");
        if (!data.featureCacheNote().isEmpty()) {
            h.append("<p>").append(escape(data.featureCacheNote())).append("</p>\n");
        }
        List<String> warnings = data.warnings();
        if (!warnings.isEmpty()) {
            h.append("<h2>Warnings: where this design cannot decide</h2>\n<ul>");
            warnings.forEach(w -> h.append("<li>").append(escape(w)).append("</li>"));
            h.append("</ul>\n");
        }

        h.append("<h2>Transfer gain</h2>\n<p>").append(escape(GainLegend.method(data.rule()))).append("</p>\n<p>")
                .append(escape(GainLegend.verdicts(data.rule()))).append("</p>\n<p>").append(escape(GainLegend.worth(data.analysis())))
                .append("</p>\n");
        boolean worth = GainLegend.showsWorth(data.analysis());
        boolean regularized = data.analysis().regularized();
        boolean sequential = data.rule().sequential();
        h.append("<table><tr><th>backbone</th><th>head</th><th>freeze</th><th>augment</th>").append(regularized ? "<th>regularizer</th>" : "")
                .append("<th>samples/class</th><th>seeds</th>").append(sequential ? "<th>stopped</th>" : "")
                .append("<th>transfer accuracy</th><th>scratch accuracy</th><th>gain [95% CI]</th><th>verdict</th>")
                .append(worth ? "<th>worth (labels/class)</th>" : "").append("<th>failed</th></tr>\n");
        for (StrategySummary s : data.analysis().summaries()) {
            h.append("<tr class=\"").append(s.verdict()).append("\"><td>").append(escape(s.key().backbone())).append("</td><td>")
                    .append(escape(s.key().head())).append("</td><td>").append(escape(s.key().freeze())).append("</td><td>")
                    .append(escape(s.key().augment())).append(regularized ? "</td><td>" + escape(s.key().regularizer()) : "")
                    .append("</td><td class=num>").append(s.key().samplesPerClass())
                    .append("</td><td class=num>").append(s.gain().n()).append(sequential ? "</td><td>" + escape(s.stopReason()) : "")
                    .append("</td><td class=num>").append(Numbers.meanSd(s.transferAccuracy()))
                    .append("</td><td class=num>").append(Numbers.meanSd(s.scratchAccuracy())).append("</td><td class=num>")
                    .append(Numbers.interval(s.gain(), 4)).append("</td><td>").append(s.verdict())
                    .append(worth ? "</td><td class=num>" + escape(GainLegend.worthCell(s)) : "").append("</td><td class=num>")
                    .append(s.failedTrials() == 0 ? "" : s.failedTrials()).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!data.analysis().gains().isEmpty()) {
            h.append("<div>").append(GainChart.svg(data.analysis(), 900, 480)).append("</div>\n");
        }
        if (WorthChart.drawable(data.analysis())) {
            h.append("<div>").append(WorthChart.svg(data.analysis(), 900, 480)).append("</div>\n");
        }

        h.append("<h2>Similarity metrics (computed before training)</h2>\n");
        if (data.similarities().isEmpty()) {
            h.append("<p>None requested.</p>\n");
        } else {
            h.append("<table><tr><th>backbone</th><th>metric</th><th>value</th><th>direction</th><th>seconds</th>")
                    .append("<th>feature extraction seconds</th><th>error</th></tr>\n");
            for (SimilarityRecord s : data.similarities()) {
                h.append("<tr><td>").append(escape(s.backbone())).append("</td><td>").append(escape(s.metric())).append("</td><td class=num>")
                        .append(Numbers.general(s.value())).append("</td><td>").append(s.higherIsBetter() ? "higher = closer" : "lower = closer")
                        .append("</td><td class=num>").append(Numbers.fixed(s.seconds(), 3)).append("</td><td class=num>")
                        .append(Numbers.fixed(s.featureSeconds(), 2)).append("</td><td class=failed>").append(escape(s.error())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        MetricPredictions predictions = data.predictions();
        if (!predictions.metrics().isEmpty()) {
            h.append("<h2>Did the metrics predict the gain?</h2>\n<p>Per metric: Kendall's tau and the weighted tau (Vigna 2015; ")
                    .append("disagreements among the best-ranked backbones count more) between its score and the backbones' realised mean ")
                    .append("transfer accuracy and mean gain over scratch, over every finished transfer trial of each backbone. +1: the metric ")
                    .append("ranked the backbones as they turned out (scores of distances are negated first); empty: fewer than two backbones ")
                    .append("with a score. Cost: the metric's seconds plus feature extraction, as a fraction of the training seconds of the ")
                    .append("transfer trials it stood in for.</p>\n<table><tr><th>metric</th><th>tau (accuracy)</th><th>weighted tau (accuracy)</th>")
                    .append("<th>tau (gain)</th><th>weighted tau (gain)</th><th>cost / fine-tuning</th></tr>\n");
            for (MetricPredictions.MetricRanking r : predictions.metrics()) {
                h.append("<tr><td>").append(escape(r.metric())).append("</td><td class=num>").append(Numbers.signed(r.tauAccuracy(), 3))
                        .append("</td><td class=num>").append(Numbers.signed(r.weightedTauAccuracy(), 3)).append("</td><td class=num>")
                        .append(Numbers.signed(r.tauGain(), 3)).append("</td><td class=num>").append(Numbers.signed(r.weightedTauGain(), 3))
                        .append("</td><td class=num>").append(Numbers.general(r.costFraction())).append("</td></tr>\n");
            }
            h.append("</table>\n<table><tr><th>metric</th><th>backbone</th><th>score</th><th>mean transfer accuracy</th><th>mean gain</th>")
                    .append("<th>trials</th></tr>\n");
            for (MetricPredictions.MetricRanking r : predictions.metrics()) {
                for (MetricPredictions.Row row : r.rows()) {
                    h.append("<tr><td>").append(escape(r.metric())).append("</td><td>").append(escape(row.backbone())).append("</td><td class=num>")
                            .append(Numbers.general(row.score())).append("</td><td class=num>").append(Numbers.fixed(row.meanAccuracy(), 4))
                            .append("</td><td class=num>").append(Numbers.signed(row.meanGain(), 4)).append("</td><td class=num>")
                            .append(row.trials()).append("</td></tr>\n");
                }
            }
            h.append("</table>\n");
        }

        if (!data.pretrainings().isEmpty()) {
            h.append("<h2>Pretrained source backbones</h2>\n<table><tr><th>backbone</th><th>cache key</th>")
                    .append("<th>source validation accuracy</th><th>pretraining seconds</th><th>this run</th></tr>\n");
            for (PretrainRecord p : data.pretrainings()) {
                h.append("<tr><td>").append(escape(p.backbone())).append("</td><td><code>").append(escape(p.backboneKey()))
                        .append("</code></td><td class=num>").append(Numbers.fixed(p.sourceAccuracy(), 4)).append("</td><td class=num>")
                        .append(Numbers.fixed(p.seconds(), 1)).append("</td><td>").append(p.cached() ? "reused from cache" : "trained")
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        List<TrialRecord> failures = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.failed).toList();
        h.append("<h2>Failures</h2>\n");
        if (failures.isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table><tr><th>trial</th><th>kind</th><th>strategy</th><th>samples/class</th><th>seed</th><th>error</th></tr>\n");
            for (TrialRecord t : failures) {
                h.append("<tr><td><code>").append(t.trialId()).append("</code></td><td>").append(t.kind()).append("</td><td>")
                        .append(escape(t.strategy())).append("</td><td class=num>")
                        .append(t.samplesPerClass()).append("</td><td class=num>").append(t.seed()).append("</td><td class=failed>")
                        .append(escape(t.error())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<details><summary>All trials (").append(data.analysis().trials().size()).append(")</summary>\n")
                .append("<table><tr><th>trial</th><th>kind</th><th>backbone</th><th>head</th><th>freeze</th><th>augment</th><th>regularizer</th>")
                .append("<th>samples/class</th><th>seed</th><th>status</th><th>test accuracy</th><th>macro-F1</th><th>gain</th>")
                .append("<th>best epoch</th><th>epochs</th><th>seconds</th></tr>\n");
        for (TrialRecord t : data.analysis().trials()) {
            Double gain = data.analysis().gains().get(t.trialId());
            h.append("<tr><td><code>").append(t.trialId()).append("</code></td><td>").append(t.kind()).append("</td><td>")
                    .append(escape(t.backbone())).append("</td><td>").append(escape(t.head())).append("</td><td>").append(escape(t.freeze()))
                    .append("</td><td>").append(escape(t.augment())).append("</td><td>").append(escape(t.regularizer()))
                    .append("</td><td class=num>").append(t.samplesPerClass())
                    .append("</td><td class=num>").append(t.seed()).append("</td><td>").append(t.status()).append("</td><td class=num>")
                    .append(Numbers.fixed(t.testAccuracy(), 4)).append("</td><td class=num>").append(Numbers.fixed(t.testMacroF1(), 4))
                    .append("</td><td class=num>").append(gain == null ? "" : Numbers.signed(gain, 4)).append("</td><td class=num>")
                    .append(t.bestEpoch()).append("</td><td class=num>").append(t.epochsRun()).append("</td><td class=num>")
                    .append(Numbers.fixed(t.trainSeconds(), 1)).append("</td></tr>\n");
        }
        h.append("</table></details>\n<p>Per-trial provenance (resolved configs, versions, data checksums, timings) is in ")
                .append("<code>results.json</code> and <code>../trials/&lt;trial-id&gt;/trial.json</code>.</p>\n</body></html>\n");
        return h.toString();
    }
}
