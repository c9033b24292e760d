package dev.graft.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.core.stats.Interval;
import dev.graft.core.store.PretrainRecord;
import dev.graft.core.store.SimilarityRecord;
import dev.graft.core.store.TrialRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** {@code results.json}: trials with provenance, summaries, similarity scores and pretraining. */
final class JsonReport {
    private JsonReport() {}

    static String render(RunData data) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            ObjectNode root = mapper.createObjectNode();
            root.put("experiment", data.experiment());
            root.put("description", data.description());
            root.put("generatedAt", Instant.now().toString());
            root.put("plannedTrials", data.planned());
            root.set("decisionRule", mapper.valueToTree(data.rule()));
            root.put("errorControl", data.rule().control().description());
            ArrayNode warnings = root.putArray("warnings");
            data.warnings().forEach(warnings::add);
            ArrayNode summaries = root.putArray("summary");
            for (StrategySummary s : data.analysis().summaries()) {
                ObjectNode node = summaries.addObject();
                node.put("strategyId", s.key().id());
                node.put("backbone", s.key().backbone());
                data.analysis().axisNames().forEach(a -> node.put(a, s.key().label(a)));
                node.put("samplesPerClass", s.key().samplesPerClass());
                node.set("transferAccuracy", interval(mapper, s.transferAccuracy()));
                node.set("scratchAccuracy", interval(mapper, s.scratchAccuracy()));
                node.set("gain", interval(mapper, s.gain()));
                node.put("verdict", s.verdict().name());
                node.put("failedTrials", s.failedTrials());
                node.put("seedsTried", s.seedsTried());
                node.put("stopReason", s.stopReason());
                node.put("intervalMethod", s.gain().method());
                // anytime-valid for a sequential design: valid whatever decided the number of seeds
                putNumber(node, "pValue", s.decision().pValue());
                ObjectNode companion = node.putObject("distributionFree");
                companion.set("median", bounds(mapper, s.companion().median()));
                companion.put("verdict", s.companion().verdict().name());
                companion.put("agreement", s.companion().agreement());
                if (data.rule().control() != dev.graft.core.stats.ErrorControl.none) {
                    ObjectNode controlled = node.putObject("acrossStrategies");
                    controlled.put("control", data.rule().control().name());
                    controlled.put("level", data.rule().level());
                    controlled.put("verdict", s.decision().controlled().name());
                    controlled.set("interval", bounds(mapper, s.decision().controlledInterval()));
                    putNumber(controlled, "eValue", s.decision().eValue());
                }
                // labels per class scratch needs for the same accuracy; null beyond the measured sizes (see the text)
                putNumber(node, "labelsWorth", s.worth().value());
                putNumber(node, "labelsWorthLow", s.worth().low());
                putNumber(node, "labelsWorthHigh", s.worth().high());
                node.put("labelsWorthText", s.worth().textWithInterval());
                if (s.cost() != null && s.cost().measured()) {
                    // medians over the strategy's finished seeds (results.csv has each trial's)
                    node.set("cost", mapper.valueToTree(s.cost()));
                }
                if (!data.evaluationSets().isEmpty()) {
                    // the same strategy scored on each evaluation set: the gain decided there, or the source task's accuracy
                    ObjectNode sets = node.putObject("evaluationSets");
                    data.evaluationSets().forEach((set, sourceTask) -> {
                        ObjectNode one = sets.putObject(set);
                        one.put("sourceTask", sourceTask);
                        if (sourceTask) {
                            one.set("accuracy", interval(mapper, EvaluationTable.accuracies(data.analysis().strategyTrials().get(s.key().id()), set)));
                            return;
                        }
                        data.bySet().get(set).summaries().stream().filter(o -> o.key().id().equals(s.key().id())).findFirst().ifPresent(o -> {
                            one.set("transferAccuracy", interval(mapper, o.transferAccuracy()));
                            one.set("scratchAccuracy", interval(mapper, o.scratchAccuracy()));
                            one.set("gain", interval(mapper, o.gain()));
                            one.put("verdict", o.verdict().name());
                        });
                    });
                }
            }
            // strategies counted by verdict per choice on each axis where they differ; nothing pooled
            ArrayNode byAxis = root.putArray("verdictsByAxis");
            for (VerdictsByAxis.Row row : VerdictsByAxis.rows(data.analysis())) {
                ObjectNode node = byAxis.addObject();
                node.put("axis", row.axis());
                node.put("choice", row.label());
                node.put("strategies", row.strategies());
                for (dev.graft.core.stats.Verdict v : dev.graft.core.stats.Verdict.values()) {
                    node.put(v.name(), row.counts().getOrDefault(v, 0));
                }
            }
            ArrayNode trials = root.putArray("trials");
            for (TrialRecord t : data.analysis().trials()) {
                ObjectNode node = trials.addObject();
                node.put("trialId", t.trialId());
                node.put("strategyId", t.strategyId());
                node.put("kind", t.kind());
                node.put("backbone", t.backbone());
                data.analysis().axisNames().forEach(a -> node.put(a, t.labels().of(a)));
                node.put("samplesPerClass", t.samplesPerClass());
                node.put("seed", t.seed());
                node.put("status", t.status().name());
                putNumber(node, "testAccuracy", t.testAccuracy());
                putNumber(node, "testMacroF1", t.testMacroF1());
                Double gain = data.analysis().gains().get(t.trialId());
                putNumber(node, "gainVsScratch", gain == null ? Double.NaN : gain);
                node.put("baselineId", t.baselineId());
                node.put("bestEpoch", t.bestEpoch());
                node.put("epochsRun", t.epochsRun());
                node.put("trainSeconds", t.trainSeconds());
                node.put("error", t.error());
                node.set("confusion", t.confusionJson() == null ? null : mapper.readTree(t.confusionJson()));
                if (!data.evaluationSets().isEmpty()) {
                    ArrayNode evaluations = node.putArray("evaluations");
                    for (dev.graft.core.store.EvaluationScore e : t.evaluations()) {
                        ObjectNode one = evaluations.addObject();
                        one.put("set", e.set());
                        one.put("sourceTask", e.sourceTask());
                        putNumber(one, "accuracy", e.accuracy());
                        putNumber(one, "macroF1", e.macroF1());
                        TransferAnalysis onSet = data.bySet().get(e.set());
                        Double setGain = onSet == null ? null : onSet.gains().get(t.trialId());
                        putNumber(one, "gainVsScratch", setGain == null ? Double.NaN : setGain);
                    }
                }
                node.set("provenance", mapper.readTree(t.provenanceJson()));
            }
            ArrayNode similarity = root.putArray("similarity");
            for (SimilarityRecord s : data.similarities()) {
                ObjectNode node = similarity.addObject();
                node.put("backbone", s.backbone());
                node.put("metric", s.metric());
                node.set("config", mapper.readTree(s.metricJson()));
                putNumber(node, "value", s.value());
                node.put("higherIsBetter", s.higherIsBetter());
                node.put("seconds", s.seconds());
                node.put("featureSeconds", s.featureSeconds());
                node.put("error", s.error());
                node.set("inputs", s.inputsJson() == null ? null : mapper.readTree(s.inputsJson()));
            }
            ArrayNode predictions = root.putArray("metricPredictions");
            for (MetricPredictions.MetricRanking r : data.predictions().metrics()) {
                ObjectNode node = predictions.addObject();
                node.put("metric", r.metric());
                node.put("higherIsBetter", r.higherIsBetter());
                putNumber(node, "kendallTauAccuracy", r.tauAccuracy());
                putNumber(node, "weightedTauAccuracy", r.weightedTauAccuracy());
                putNumber(node, "kendallTauAccuracyLow", r.tauAccuracyInterval()[0]);
                putNumber(node, "kendallTauAccuracyHigh", r.tauAccuracyInterval()[1]);
                putNumber(node, "kendallTauGain", r.tauGain());
                putNumber(node, "kendallTauGainLow", r.tauGainInterval()[0]);
                putNumber(node, "kendallTauGainHigh", r.tauGainInterval()[1]);
                node.put("baseline", r.metric().equals(MetricPredictions.BASELINE));
                putNumber(node, "weightedTauGain", r.weightedTauGain());
                putNumber(node, "costFraction", r.costFraction());
                ArrayNode rows = node.putArray("backbones");
                for (MetricPredictions.Row row : r.rows()) {
                    ObjectNode o = rows.addObject();
                    o.put("backbone", row.backbone());
                    putNumber(o, "score", row.score());
                    putNumber(o, "meanAccuracy", row.meanAccuracy());
                    putNumber(o, "meanGain", row.meanGain());
                    o.put("trials", row.trials());
                }
            }
            ArrayNode pretraining = root.putArray("pretraining");
            for (PretrainRecord p : data.pretrainings()) {
                ObjectNode node = pretraining.addObject();
                node.put("backbone", p.backbone());
                node.put("key", p.backboneKey());
                putNumber(node, "sourceAccuracy", p.sourceAccuracy());
                node.put("seconds", p.seconds());
                node.put("cached", p.cached());
                node.set("provenance", mapper.readTree(p.provenanceJson()));
            }
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gain's or an accuracy's mean with its 95% interval, under the keys results.json has always used. */
    private static ObjectNode interval(ObjectMapper mapper, Interval interval) {
        ObjectNode node = bounds(mapper, interval, "mean", "ci95Low", "ci95High");
        putNumber(node, "sd", interval.sd());
        return node;
    }

    /** An interval at the coverage its method names: an estimate (a mean or a median) and its bounds. */
    private static ObjectNode bounds(ObjectMapper mapper, Interval interval) {
        return bounds(mapper, interval, "estimate", "low", "high").put("method", interval.method());
    }

    private static ObjectNode bounds(ObjectMapper mapper, Interval interval, String estimate, String low, String high) {
        ObjectNode node = mapper.createObjectNode();
        node.put("n", interval.n());
        putNumber(node, estimate, interval.mean());
        putNumber(node, low, interval.low());
        putNumber(node, high, interval.high());
        return node;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (!Double.isFinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
