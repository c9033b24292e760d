package dev.graft.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.stats.ErrorControl;
import dev.graft.core.store.PretrainRecord;
import dev.graft.core.store.SimilarityRecord;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import static dev.graft.reports.Html.escape;

/**
 * {@code index.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched)
 * that reads on a phone (390 px) and a desktop (1400 px): charts scale with the page down to a
 * legible size, then scroll inside their own boxes, as wide tables do; the gain table says once
 * above it what every row shares, so that its verdicts stay on a desktop's screen.
 */
final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSS = String.join("",
            "*{box-sizing:border-box}body{font-family:system-ui,sans-serif;margin:0 auto;padding:1em;max-width:1200px;color:#222;line-height:1.45}",
            "h1{font-size:1.6em}h2{margin-top:1.8em;border-bottom:1px solid #ddd}nav a{margin-right:1em}",
            ".scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;margin:.6em 0;font-size:.9em}",
            "th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}th{background:#f3f3f3}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.scroll td{white-space:nowrap}.scroll td.failed{white-space:normal;min-width:20em}",
            // cells that may wrap where the page is narrower than the table: an interval below its mean, a reason on two lines
            ".scroll td.wrap{white-space:normal}",
            ".positive{background:#e3f5e1}.negative{background:#fbe3e3}.equivalent{background:#e6eefb}.inconclusive{background:#f7f7f7}",
            ".better{color:#1b7837;font-weight:600}.worse{color:#b2182b;font-weight:600}.failed{color:#b00}",
            // a chart keeps a legible size (ChartStyle.LEGIBLE) and on a phone scrolls inside its box rather than shrinking its text away;
            // grid cells are wide enough that on a desktop none has to
            "svg.chart{width:100%;height:auto;display:block;margin:.5em 0;min-width:var(--legible)}.chart-box{overflow-x:auto;max-width:100%}",
            ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,450px),1fr));gap:.5em}",
            ".cards{display:flex;flex-wrap:wrap;gap:.8em}table.card{margin:0;flex:0 1 20em}table.card td{white-space:nowrap}",
            // a phone: the interval wraps inside its cell, so that the verdict stays on screen
            "@media (max-width:480px){table.card{font-size:.85em}table.card td.num{white-space:normal}}",
            ".half{flex:1 1 450px;min-width:0}",
            ".pair{display:flex;flex-wrap:wrap;gap:1em}table.confusion td{min-width:2.5em}caption{font-weight:600;text-align:left}",
            "pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:.85em}code{background:#f3f3f3;padding:1px 3px;word-break:break-all}",
            ".warn{background:#fff6e0;border-left:4px solid #e69f00;padding:.4em .8em}details{margin:.6em 0}summary{cursor:pointer}");

    private HtmlReport() {}

    static String render(RunData data) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Graft: ")
                .append(escape(data.experiment())).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(escape(data.experiment())).append("</h1>\n<p>").append(escape(data.description())).append("</p>\n");
        long finished = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.finished).count();
        long failed = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.failed).count();
        h.append("<p>").append(data.planned()).append(" trials planned, ").append(finished).append(" finished, ").append(failed)
                .append(" failed, ").append(data.planned() - finished - failed).append(" not run. Generated ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)))
                .append(".</p>\n<nav><a href=\"report.md\">report.md</a><a href=\"results.csv\">results.csv</a>")
                .append("<a href=\"results.json\">results.json</a><a href=\"../trials/\">trial folders</a></nav>\n");
        if (!data.featureCacheNote().isEmpty()) {
            h.append("<p>").append(escape(data.featureCacheNote())).append("</p>\n");
        }
        List<String> warnings = data.warnings();
        if (!warnings.isEmpty()) {
            h.append("<h2>Warnings: where this design cannot decide</h2>\n<div class=warn><ul>");
            warnings.forEach(w -> h.append("<li>").append(escape(w)).append("</li>"));
            h.append("</ul></div>\n");
        }
        gains(h, data);
        h.append(EvaluationTable.html(data));
        Map<String, TrialRecord> byId = new HashMap<>();
        data.analysis().trials().forEach(t -> byId.put(t.trialId(), t));
        learningCurves(h, data, byId);
        h.append("<h2>Per class</h2>\n").append(ConfusionTables.html(data.analysis(), byId));
        similarity(h, data);
        pretrainings(h, data);
        experiment(h, data);
        trials(h, data);
        return inBoxes(h.append("</body></html>\n").toString());
    }

    /** Every chart of a page in a box of its own, which scrolls sideways where the chart is wider than the screen. */
    static String inBoxes(String page) {
        return page.replace("<svg class=\"chart\"", "<div class=chart-box><svg class=\"chart\"").replace("</svg>", "</svg></div>");
    }

    private static void gains(StringBuilder h, RunData data) {
        boolean controlled = data.rule().control() != ErrorControl.none;
        h.append("<h2>Transfer gain</h2>\n<p>").append(escape(GainLegend.method(data.rule()))).append("</p>\n<p>")
                .append(escape(GainLegend.verdicts(data.rule()))).append("</p>\n<p>").append(escape(GainLegend.companion())).append("</p>\n")
                .append(controlled ? "<p>" + escape(GainLegend.control(data.rule())) + "</p>\n" : "")
                .append("<p>").append(escape(GainLegend.worth(data.analysis()))).append("</p>\n");
        h.append(gainTable(data));
        h.append(VerdictsByAxis.html(data.analysis()));
        h.append(CostTable.html(data.analysis()));
        TreeSet<Integer> sizes = new TreeSet<>();
        data.analysis().summaries().forEach(s -> sizes.add(s.key().samplesPerClass()));
        for (int size : sizes) {
            h.append(ForestPlot.svg(data.analysis(), size, 720)).append('\n');
        }
        if (sizes.size() > 1 && !data.analysis().gains().isEmpty()) {
            h.append(GainChart.svg(data.analysis(), 900, 480)).append('\n');
        }
        if (WorthChart.drawable(data.analysis())) {
            h.append(WorthChart.svg(data.analysis(), 900, 480)).append('\n');
        }
    }

    /**
     * The gain table: a row per strategy and size. What is the same on every row (a label, the
     * seed count, why seeding stopped, no failures) is said once above it, so that the verdicts
     * stay on a 1400 px screen without a sideways scroll.
     */
    static String gainTable(RunData data) {
        List<StrategySummary> rows = data.analysis().summaries();
        boolean controlled = data.rule().control() != ErrorControl.none;
        boolean worth = GainLegend.showsWorth(data.analysis());
        boolean sequential = data.rule().sequential();
        SharedLabels labels = SharedLabels.of(data.analysis(), rows);
        boolean sameSeeds = rows.size() > 1 && rows.stream().map(s -> s.gain().n()).distinct().count() == 1;
        boolean sameStop = sequential && rows.size() > 1 && rows.stream().map(StrategySummary::stopReason).distinct().count() == 1;
        boolean failures = rows.stream().anyMatch(s -> s.failedTrials() > 0);
        boolean costs = CostTable.shown(data.analysis());
        List<String> shared = new ArrayList<>();
        if (!labels.caption().isEmpty()) {
            shared.add(labels.caption());
        }
        if (sameSeeds) {
            shared.add(rows.get(0).gain().n() + " seeds");
        }
        if (sameStop) {
            shared.add("seeding stopped: " + rows.get(0).stopReason());
        }
        if (!rows.isEmpty() && !failures) {
            shared.add("no trial failed");
        }
        StringBuilder h = new StringBuilder();
        if (!shared.isEmpty()) {
            h.append("<p><b>Every strategy:</b> ").append(escape(String.join("; ", shared))).append("</p>\n");
        }
        h.append("<div class=scroll id=gains><table><tr>")
                .append(labels.differing().stream().map(a -> "<th>" + escape(a) + "</th>").collect(Collectors.joining()))
                .append("<th>labels per class</th>").append(sameSeeds ? "" : "<th>seeds</th>")
                .append(sequential && !sameStop ? "<th>stopped</th>" : "")
                .append("<th>transfer accuracy</th><th>scratch accuracy</th><th>gain [95% interval]</th><th>verdict</th>")
                .append(costs ? "<th title=\"parameters trained, and the bytes a task adds to the pretrained backbone (medians over seeds)\">trained / task</th>" : "")
                .append(controlled ? "<th>" + escape(GainLegend.controlHeader(data.rule())) + "</th>" : "")
                .append("<th>sign test</th>")
                .append(worth ? "<th>worth (labels/class)</th>" : "").append(failures ? "<th>failed</th>" : "").append("</tr>\n");
        for (StrategySummary s : rows) {
            h.append("<tr class=\"").append(s.verdict()).append("\">")
                    .append(labels.differing().stream().map(a -> "<td>" + escape(SharedLabels.label(s, a)) + "</td>").collect(Collectors.joining()))
                    .append("<td class=num>").append(s.key().samplesPerClass()).append("</td>")
                    .append(sameSeeds ? "" : "<td class=num>" + s.gain().n() + "</td>")
                    .append(sequential && !sameStop ? "<td class=wrap>" + escape(s.stopReason()) + "</td>" : "")
                    .append("<td class=\"num wrap\">").append(Html.breakOnce(Numbers.meanSd(s.transferAccuracy())))
                    .append("</td><td class=\"num wrap\">").append(Html.breakOnce(Numbers.meanSd(s.scratchAccuracy()))).append("</td><td class=\"num wrap\">")
                    .append(Html.breakOnce(Numbers.interval(s.gain(), 4))).append("</td><td>").append(s.verdict())
                    .append(costs ? "</td><td class=num>" + s.cost().trainedCell() + "<br>" + s.cost().taskCell() : "")
                    .append(controlled ? "</td><td class=\"" + s.decision().controlled() + "\">" + s.decision().controlled() : "")
                    // the verdict alone keeps the table within the page; the median and its interval show on hover (and in report.md)
                    .append("</td><td class=\"").append(s.companion().verdict()).append("\" title=\"median ")
                    .append(escape(Numbers.interval(s.companion().median(), 4))).append("\">").append(GainLegend.companionVerdict(s))
                    .append(worth ? "</td><td class=\"num wrap\">" + Html.breakOnce(GainLegend.worthCell(s)) : "")
                    .append(failures ? "</td><td class=num>" + (s.failedTrials() == 0 ? "" : s.failedTrials()) : "").append("</td></tr>\n");
        }
        return h.append("</table></div>\n").toString();
    }

    private static void learningCurves(StringBuilder h, RunData data, Map<String, TrialRecord> byId) {
        StringBuilder grid = new StringBuilder();
        int charts = 0;
        List<StrategySummary> summaries = data.analysis().summaries();
        for (int i = 0; i < summaries.size(); i++) {
            String svg = LearningCurves.svg(data.analysis(), summaries.get(i), ChartStyle.color(i), byId);
            if (!svg.isEmpty()) {
                grid.append("<div>").append(svg).append("</div>\n");
                charts++;
            }
        }
        if (charts > 0) {
            h.append("<h2>Learning curves</h2>\n<p>Per strategy: training loss and validation accuracy per epoch of each seed (coloured) ")
                    .append("beside its scratch baselines (grey, dashed); black dots mark the epoch each transfer trial kept.</p>\n")
                    .append("<details><summary>").append(charts).append(" strategies</summary><div class=grid>\n").append(grid)
                    .append("</div></details>\n");
        }
    }

    private static void similarity(StringBuilder h, RunData data) {
        h.append("<h2>Similarity and transferability metrics (computed before training)</h2>\n");
        if (data.similarities().isEmpty()) {
            h.append("<p>None requested.</p>\n");
            return;
        }
        h.append("<div class=scroll><table><tr><th>backbone</th><th>metric</th><th>kind</th><th>value</th><th>direction</th><th>seconds</th>")
                .append("<th>feature extraction seconds</th><th>error</th></tr>\n");
        for (SimilarityRecord s : data.similarities()) {
            h.append("<tr><td>").append(escape(s.backbone())).append("</td><td>").append(escape(s.metric())).append("</td><td>")
                    .append(escape(s.kindLabel())).append("</td><td class=num>").append(Numbers.general(s.value())).append("</td><td>")
                    .append(direction(s)).append("</td><td class=num>").append(Numbers.fixed(s.seconds(), 3)).append("</td><td class=num>")
                    .append(Numbers.fixed(s.featureSeconds(), 2)).append("</td><td class=failed>").append(escape(s.error())).append("</td></tr>\n");
        }
        h.append("</table></div>\n");
        MetricPredictions predictions = data.predictions();
        h.append("<h2>Did the metrics predict the gain?</h2>\n");
        long backbones = data.similarities().stream().filter(s -> Double.isFinite(s.value())).map(SimilarityRecord::backbone).distinct().count();
        if (backbones < 2) {
            h.append("<p>Only ").append(backbones == 1 ? "one backbone has" : "no backbone has")
                    .append(" a score, so there is no ranking to compare with the gains: list two or more backbones to rank them.</p>\n");
            return;
        }
        h.append("<p>").append(escape(MetricPredictions.legend())).append("</p>\n<div class=scroll><table><tr><th>metric</th>")
                .append("<th>tau (accuracy) [95% bootstrap]</th><th>weighted tau (accuracy)</th><th>tau (gain) [95% bootstrap]</th>")
                .append("<th>weighted tau (gain)</th><th>cost / fine-tuning</th></tr>\n");
        for (MetricPredictions.MetricRanking r : predictions.metrics()) {
            h.append("<tr><td>").append(escape(r.metric())).append("</td><td class=num>").append(MetricPredictions.cell(r.tauAccuracy(), r.tauAccuracyInterval()))
                    .append("</td><td class=num>").append(Numbers.signed(r.weightedTauAccuracy(), 3)).append("</td><td class=num>")
                    .append(MetricPredictions.cell(r.tauGain(), r.tauGainInterval())).append("</td><td class=num>").append(Numbers.signed(r.weightedTauGain(), 3))
                    .append("</td><td class=num>").append(Numbers.general(r.costFraction())).append("</td></tr>\n");
        }
        h.append("</table></div>\n<div class=grid>\n");
        for (MetricPredictions.MetricRanking r : predictions.metrics()) {
            String kind = data.similarities().stream().filter(s -> s.metric().equals(r.metric())).findFirst().map(SimilarityRecord::kindLabel).orElse("");
            String svg = MetricScatter.svg(r, kind);
            h.append("<div>").append(svg.isEmpty() ? "<p>" + escape(r.metric()) + ": fewer than two backbones with both a score and a gain.</p>" : svg)
                    .append("</div>\n");
        }
        h.append("</div>\n");
    }

    static String direction(SimilarityRecord s) {
        if (SimilarityRecord.TRANSFERABILITY.equals(s.kind())) {
            return s.higherIsBetter() ? "higher = more transferable" : "lower = more transferable";
        }
        return s.higherIsBetter() ? "higher = closer" : "lower = closer";
    }

    private static void pretrainings(StringBuilder h, RunData data) {
        if (data.pretrainings().isEmpty()) {
            return;
        }
        h.append("<h2>Pretrained source backbones</h2>\n<div class=scroll><table><tr><th>backbone</th><th>cache key</th>")
                .append("<th>source validation accuracy</th><th>pretraining seconds</th><th>this run</th></tr>\n");
        for (PretrainRecord p : data.pretrainings()) {
            h.append("<tr><td>").append(escape(p.backbone())).append("</td><td><code>").append(escape(p.backboneKey()))
                    .append("</code></td><td class=num>").append(Numbers.fixed(p.sourceAccuracy(), 4)).append("</td><td class=num>")
                    .append(Numbers.fixed(p.seconds(), 1)).append("</td><td>").append(p.cached() ? "reused from cache" : "trained")
                    .append("</td></tr>\n");
        }
        h.append("</table></div>\n");
    }

    private static void experiment(StringBuilder h, RunData data) {
        h.append("<h2>The experiment</h2>\n");
        TrialRecord first = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.finished).findFirst().orElse(null);
        if (!data.descriptor().isBlank()) {
            h.append("<details><summary>The descriptor as the run read it</summary><pre>").append(escape(data.descriptor()))
                    .append("</pre></details>\n");
        }
        if (first != null) {
            try {
                JsonNode train = JSON.readTree(first.specJson()).path("train");
                JsonNode environment = JSON.readTree(first.provenanceJson()).path("environment");
                h.append("<details><summary>Resolved training configuration (every default filled in)</summary><pre>")
                        .append(escape(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(train))).append("</pre></details>\n")
                        .append("<details><summary>Environment (of the first finished trial)</summary><pre>")
                        .append(escape(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(environment))).append("</pre></details>\n");
            } catch (IOException e) {
                h.append("<p class=failed>unreadable trial record: ").append(escape(e.getMessage())).append("</p>\n");
            }
        }
    }

    private static void trials(StringBuilder h, RunData data) {
        List<TrialRecord> failures = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.failed).toList();
        h.append("<h2>Failures</h2>\n");
        if (failures.isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<div class=scroll><table><tr><th>trial</th><th>kind</th><th>strategy</th><th>labels/class</th><th>seed</th><th>error</th></tr>\n");
            for (TrialRecord t : failures) {
                h.append("<tr><td>").append(link(t)).append("</td><td>").append(t.kind()).append("</td><td>")
                        .append(escape(t.strategy())).append("</td><td class=num>").append(t.samplesPerClass()).append("</td><td class=num>")
                        .append(t.seed()).append("</td><td class=failed>").append(escape(t.error())).append("</td></tr>\n");
            }
            h.append("</table></div>\n");
        }
        h.append("<details><summary>All trials (").append(data.analysis().trials().size()).append("), each linked to its folder ")
                .append("(trial.json: provenance; epochs.csv)</summary>\n<div class=scroll><table><tr><th>trial</th><th>kind</th><th>backbone</th>")
                .append(data.analysis().axisNames().stream().map(a -> "<th>" + escape(a) + "</th>").collect(Collectors.joining()))
                .append("<th>labels/class</th><th>seed</th><th>status</th>")
                .append("<th>test accuracy</th><th>macro-F1</th><th>gain</th><th>best epoch</th><th>epochs</th><th>seconds</th></tr>\n");
        for (TrialRecord t : data.analysis().trials()) {
            Double gain = data.analysis().gains().get(t.trialId());
            h.append("<tr><td>").append(link(t)).append("</td><td>").append(t.kind()).append("</td><td>")
                    .append(escape(t.backbone()))
                    .append(data.analysis().axisNames().stream().map(a -> "</td><td>" + escape(t.labels().of(a)))
                            .collect(Collectors.joining()))
                    .append("</td><td class=num>").append(t.samplesPerClass())
                    .append("</td><td class=num>").append(t.seed()).append("</td><td>").append(t.status()).append("</td><td class=num>")
                    .append(Numbers.fixed(t.testAccuracy(), 4)).append("</td><td class=num>").append(Numbers.fixed(t.testMacroF1(), 4))
                    .append("</td><td class=num>").append(gain == null ? "" : Numbers.signed(gain, 4)).append("</td><td class=num>")
                    .append(t.bestEpoch()).append("</td><td class=num>").append(t.epochsRun()).append("</td><td class=num>")
                    .append(Numbers.fixed(t.trainSeconds(), 1)).append("</td></tr>\n");
        }
        h.append("</table></div></details>\n");
    }

    /** A trial's id linked to its folder, {@code ../trials/<id>/}, which holds trial.json and epochs.csv. */
    private static String link(TrialRecord t) {
        return "<a href=\"../trials/" + escape(t.trialId()) + "/\"><code>" + escape(t.trialId()) + "</code></a>";
    }
}
