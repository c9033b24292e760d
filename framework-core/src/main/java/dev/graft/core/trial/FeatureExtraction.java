package dev.graft.core.trial;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.data.LabelledSplit;
import dev.graft.core.provenance.FeatureCacheProvenance;
import dev.graft.core.sweep.TrialIds;
import dev.graft.core.sweep.TrialSpec;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.Inference;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.data.Examples;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A frozen backbone's features for the two plans that train on them: rows of the pool's and the
 * test split's feature tables, which the cache computes once per backbone weights, dataset and
 * preprocessing; without a cache, the trial's own examples computed here.
 */
final class FeatureExtraction {
    private final FeatureCache featureCache;
    private final ObjectMapper mapper;

    /**
     * @param featureCache the cache, or null for none
     * @param mapper the canonical mapper (cache keys)
     */
    FeatureExtraction(FeatureCache featureCache, ObjectMapper mapper) {
        this.featureCache = featureCache;
        this.mapper = mapper;
    }

    /** @return whether a cache is there to serve features */
    boolean cacheOn() {
        return featureCache != null;
    }

    /**
     * @return the trial's training, validation and test features, recording where they came from
     *     and the time it took as the trial's {@code features} phase
     */
    CachedFeatures features(TrialSetup setup) {
        long started = System.nanoTime();
        try {
            return find(setup);
        } finally {
            setup.provenance().time("features", (System.nanoTime() - started) / 1e9);
        }
    }

    private CachedFeatures find(TrialSetup setup) {
        TrialSpec spec = setup.spec();
        BuiltBackbone built = setup.built();
        LabelledSplit split = setup.split();
        Examples test = setup.test();
        var manager = setup.model().getNDManager();
        GroupedNetwork body = built.withHead(null, manager);
        int batch = setup.inferenceBatch();
        int cols = (int) built.featureShape().size();
        if (featureCache == null) {
            // nothing to share with other trials: only this trial's examples go through the backbone
            setup.provenance().featureCache(FeatureCacheProvenance.bypassed(null));
            InputSpec input = built.backbone().inputSpec();
            return new CachedFeatures(Inference.features(body, manager, split.train(), input, batch),
                    Inference.features(body, manager, split.validation(), input, batch), Inference.features(body, manager, test, input, batch),
                    built.featureShape(), setup.pool().classNames());
        }
        Map<String, Object> backbone = new LinkedHashMap<>();
        backbone.put("architecture", spec.backbone().architecture());
        backbone.put("transferLayers", spec.backbone().transferLayers());
        backbone.put("pretrained", setup.pretrained() == null ? null : setup.pretrained().key());
        backbone.put("provenance", built.backbone().provenance());
        // the weights themselves: a backbone initialised from the trial's seed differs per seed
        backbone.put("weights", TrialIds.sha256(body.saveBackbone()));
        backbone.put("inputSpec", built.backbone().inputSpec());
        float[][] tables = new float[2][];
        String[] sources = new String[2];
        String[] keys = new String[2];
        Examples[] sets = {setup.pool(), test};
        for (int i = 0; i < 2; i++) {
            Examples data = sets[i];
            Map<String, Object> identity = new LinkedHashMap<>(backbone);
            identity.put("data", Map.of("checksum", data.checksum(), "origin", data.origin(), "size", data.size()));
            String key = TrialIds.hash(mapper, "graft-features-v1", identity).substring(0, 24);
            FeatureCache.Lookup lookup = featureCache.get(key, data.size(), cols,
                    () -> Inference.features(body, manager, data, built.backbone().inputSpec(), batch).values());
            tables[i] = lookup.values();
            sources[i] = lookup.source().name();
            keys[i] = key;
        }
        setup.provenance().featureCache(new FeatureCacheProvenance(true, null, sources[0], keys[0], sources[1], keys[1]));
        return new CachedFeatures(rows(tables[0], cols, split.trainIndices(), split.train()),
                rows(tables[0], cols, split.validationIndices(), split.validation()),
                new FeatureTable(tables[1], test.size(), cols, test.labels().clone(), test.numClasses()), built.featureShape(),
                setup.pool().classNames());
    }

    /**
     * @param setup a trial whose backbone stays frozen
     * @param data examples in the target's format (an evaluation set)
     * @return their features through the trial's backbone, computed here (a set is scored once per trial)
     */
    FeatureTable featuresOf(TrialSetup setup, Examples data) {
        var manager = setup.model().getNDManager();
        GroupedNetwork body = setup.built().withHead(null, manager);
        return Inference.features(body, manager, data, setup.built().backbone().inputSpec(), setup.inferenceBatch());
    }

    private static FeatureTable rows(float[] table, int cols, int[] indices, Examples examples) {
        float[] values = new float[indices.length * cols];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(table, indices[r] * cols, values, r * cols, cols);
        }
        return new FeatureTable(values, indices.length, cols, examples.labels().clone(), examples.numClasses());
    }
}
