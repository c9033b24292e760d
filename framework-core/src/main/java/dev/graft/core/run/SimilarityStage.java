package dev.graft.core.run;

import dev.graft.core.executor.RunListener;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.core.trial.Components;
import dev.graft.core.trial.DataCatalog;
import dev.graft.core.trial.Pretrained;
import static java.util.Objects.requireNonNull;

import ai.djl.Model;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.SimilarityRecord;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.Inference;
import dev.graft.spi.GraftException;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.data.Examples;
import dev.graft.spi.data.Split;
import dev.graft.spi.similarity.SimilarityConfig;
import dev.graft.spi.similarity.SimilarityInput;
import dev.graft.spi.similarity.SimilarityInputs;
import dev.graft.spi.similarity.SimilarityMetric;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the experiment's similarity metrics for every pretrained backbone before the trials:
 * backbone features of a fixed sample of source and target training examples are extracted once
 * per backbone and handed to every metric that needs them. Scores already stored are kept.
 */
final class SimilarityStage {
    private static final long SAMPLE_SEED = 0;

    private final Components components;
    private final DataCatalog catalog;
    private final ObjectMapper mapper;
    private final RunListener listener;

    SimilarityStage(Components components, DataCatalog catalog, ObjectMapper mapper, RunListener listener) {
        this.components = requireNonNull(components, "components is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    void run(Experiment experiment, List<String> backboneLabels, PretrainedBackbones pretrainedBackbones, Examples targetPool,
            ResultStore store) {
        if (experiment.similarity().isEmpty()) {
            return;
        }
        Set<String> done = new HashSet<>();
        for (SimilarityRecord record : store.similarities()) {
            if (record.error() == null) {
                done.add(record.backboneKey() + " " + record.metricJson());
            }
        }
        Set<String> seenKeys = new HashSet<>();
        for (int b = 0; b < experiment.sweep().backbone().size(); b++) {
            BackboneSpec spec = experiment.sweep().backbone().get(b);
            String label = backboneLabels.get(b);
            String key = spec.pretrain() == null ? "random:" + mapper.valueToTree(spec.architecture()) : null;
            Pretrained pretrained = null;
            if (spec.pretrain() != null) {
                pretrained = pretrainedBackbones.get(spec, label);
                key = pretrained.key();
            }
            if (!seenKeys.add(key)) {
                continue;
            }
            FeatureTable source = null;
            FeatureTable target = null;
            FeatureTable predictions = null;
            String inputs = null;
            double featureSeconds = 0;
            for (SimilarityConfig config : experiment.similarity()) {
                String metricJson = mapper.valueToTree(config).toString();
                if (done.contains(key + " " + metricJson)) {
                    continue;
                }
                String metricName = components.name(PluginFamily.SIMILARITY, config);
                SimilarityMetric metric = components.metric(config);
                try {
                    if (metric.requires().contains(SimilarityInput.SOURCE_FEATURES) && spec.pretrain() == null) {
                        throw new GraftException(metricName + " compares source and target, but backbone " + label + " has no pretrain block (no source task)");
                    }
                    if (metric.requires().contains(SimilarityInput.SOURCE_PREDICTIONS) && spec.pretrain() == null) {
                        throw new GraftException(metricName + " reads the source head's predictions, but backbone " + label
                                + " has no pretrain block (no source head)");
                    }
                    if (target == null) {
                        long started = System.nanoTime();
                        Examples sourceSample = spec.pretrain() == null ? null
                                : sample(catalog.load(spec.pretrain().data(), Split.TRAIN), experiment.similaritySamples());
                        Examples targetSample = sample(targetPool, experiment.similaritySamples());
                        try (Model model = Model.newInstance("similarity")) {
                            BuiltBackbone built = BuiltBackbone.build(components, spec.architecture(), targetPool, model.getNDManager(),
                                    pretrained == null ? null : pretrained.weights());
                            GroupedNetwork body = built.withHead(null, model.getNDManager());
                            target = Inference.features(body, model.getNDManager(), targetSample, built.backbone().inputSpec(), 256);
                            if (sourceSample != null) {
                                source = Inference.features(body, model.getNDManager(), sourceSample, built.backbone().inputSpec(), 256);
                                predictions = sourcePredictions(built, pretrained, model, targetSample);
                            }
                        }
                        featureSeconds = (System.nanoTime() - started) / 1e9;
                        inputs = inputs(targetSample, target, sourceSample, source, predictions);
                    }
                    long started = System.nanoTime();
                    double value = metric.score(new SimilarityInputs(Optional.ofNullable(source), Optional.of(target),
                            Optional.ofNullable(predictions)));
                    double seconds = (System.nanoTime() - started) / 1e9;
                    listener.info(String.format("similarity %s on %s: %.6g (%.2fs)", metricName, label, value, seconds));
                    store.recordSimilarity(new SimilarityRecord(label, key, metricName, metricJson, value, metric.higherIsBetter(),
                            seconds, featureSeconds, null, inputs, kind(metric)));
                } catch (RuntimeException e) {
                    String message = e instanceof GraftException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
                    listener.info("similarity " + metricName + " on " + label + " failed: " + message);
                    store.recordSimilarity(new SimilarityRecord(label, key, metricName, metricJson, Double.NaN,
                            metric.higherIsBetter(), 0, featureSeconds, message, inputs, kind(metric)));
                }
            }
        }
    }

    /** A metric that reads source features compares the domains; the others score the target's features for the task. */
    private static String kind(SimilarityMetric metric) {
        return metric.requires().contains(dev.graft.spi.similarity.SimilarityInput.SOURCE_FEATURES) ? SimilarityRecord.DOMAIN
                : SimilarityRecord.TRANSFERABILITY;
    }

    /** What the metrics of one backbone read: the samples, their origin and checksums, the feature size. */
    private String inputs(Examples targetSample, FeatureTable target, Examples sourceSample, FeatureTable source,
            FeatureTable predictions) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("sampleSeed", SAMPLE_SEED);
        inputs.put("targetOrigin", targetSample.origin());
        inputs.put("targetChecksum", targetSample.checksum());
        inputs.put("targetExamples", target.rows());
        inputs.put("targetClassCounts", targetSample.classCounts());
        inputs.put("features", target.cols());
        if (sourceSample != null) {
            inputs.put("sourceOrigin", sourceSample.origin());
            inputs.put("sourceChecksum", sourceSample.checksum());
            inputs.put("sourceExamples", source.rows());
            inputs.put("sourceClasses", predictions == null ? null : predictions.cols());
        }
        return mapper.valueToTree(inputs).toString();
    }

    /** The source head's probabilities on the target sample, one row per example, target labels. */
    private FeatureTable sourcePredictions(BuiltBackbone built, Pretrained pretrained, Model model, Examples targetSample) {
        Block head = pretrained.newSourceHead(components, built.featureShape());
        GroupedNetwork network = built.withHead(head, model.getNDManager());
        GroupedNetwork.loadBlock(model.getNDManager(), head, pretrained.sourceHead());
        float[][] rows = Inference.probabilities(network, model.getNDManager(), targetSample, built.backbone().inputSpec(), 256);
        float[] values = new float[rows.length * pretrained.sourceClasses()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, values, i * pretrained.sourceClasses(), pretrained.sourceClasses());
        }
        return new FeatureTable(values, rows.length, pretrained.sourceClasses(), targetSample.labels().clone(), targetSample.numClasses());
    }

    /** A fixed stratified sample, the same for every backbone so that scores are comparable. */
    private static Examples sample(Examples pool, int total) {
        int perClass = Math.max(1, Math.min(total / pool.numClasses(), minCount(pool)));
        return PerClassSampler.draw(pool, perClass, 0, SAMPLE_SEED).train();
    }

    private static int minCount(Examples pool) {
        int min = Integer.MAX_VALUE;
        for (int count : pool.classCounts()) {
            min = Math.min(min, count);
        }
        return min;
    }
}
