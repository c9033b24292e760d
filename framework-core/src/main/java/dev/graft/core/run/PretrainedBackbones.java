package dev.graft.core.run;

import dev.graft.core.executor.RunListener;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.core.trial.Components;
import dev.graft.core.trial.DataCatalog;
import dev.graft.core.trial.Environment;
import dev.graft.core.trial.Pretrained;
import dev.graft.core.trial.PretrainedCache;
import static java.util.Objects.requireNonNull;

import ai.djl.Model;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.data.LabelledSplit;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.PretrainSpec;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.core.train.Seeds;
import dev.graft.core.train.TrainingOutcome;
import dev.graft.core.train.TrialCheckpoint;
import dev.graft.spi.data.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Source-task pretraining for the orchestrator: a backbone found in the {@link PretrainedCache} is
 * reused, any other is trained on its source task (resuming an interrupted pretraining from its
 * checkpoint) and cached.
 */
public final class PretrainedBackbones {
    private final PretrainedCache cache;
    private final Components components;
    private final ObjectMapper mapper;
    private final RunListener listener;
    private final Set<String> reported = new HashSet<>();

    /**
     * @param cacheDir the cache root ({@code GRAFT_HOME/cache})
     * @param components plugin access
     * @param catalog data access
     * @param mapper the canonical config mapper
     * @param listener progress
     */
    public PretrainedBackbones(Path cacheDir, Components components, DataCatalog catalog, ObjectMapper mapper, RunListener listener) {
        this.cache = new PretrainedCache(cacheDir, catalog, mapper);
        this.components = requireNonNull(components, "components is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /**
     * Returns the pretrained backbone, training it on the source task when no cached copy exists.
     *
     * @param spec a backbone with a pretrain block
     * @param label the backbone's label, for progress lines
     * @return the pretrained weights
     */
    public synchronized Pretrained get(BackboneSpec spec, String label) {
        Examples source = cache.source(spec);
        String key = cache.key(spec, source);
        Optional<Pretrained> cached = cache.find(key, spec.pretrain());
        if (cached.isPresent()) {
            if (cached.get().cached() && reported.add(key)) {
                listener.info("pretrained backbone " + label + ": reusing cache " + cache.dir(key));
            }
            return cached.get();
        }
        Path checkpoint = cache.checkpoint(key);
        int done = TrialCheckpoint.read(checkpoint, key).map(TrialCheckpoint::epochsDone).orElse(0);
        listener.info("pretraining backbone " + label + " on " + source.origin() + " (" + source.size() + " examples)"
                + (done > 0 ? ", resuming after epoch " + done + " of an interrupted pretraining" : ""));
        listener.pretrainingStarted(label, spec.pretrain().train().epochs());
        Pretrained result;
        try {
            result = train(spec, source, key, checkpoint, label);
        } finally {
            listener.pretrainingFinished(label);
        }
        cache.put(result);
        try {
            Files.deleteIfExists(checkpoint);
        } catch (IOException e) {
            // a stale checkpoint is harmless: the finished entry is found first next time
        }
        listener.info(String.format("pretrained backbone %s: source validation accuracy %.4f in %.1fs, cached in %s",
                label, result.sourceAccuracy(), result.seconds(), cache.dir(key)));
        return result;
    }

    /**
     * Trains the backbone with its source head; after every epoch but the last it writes {@code
     * checkpoint}, and it resumes from one left by an interrupted pretraining, ending with the
     * weights an uninterrupted one has.
     */
    private Pretrained train(BackboneSpec spec, Examples source, String key, Path checkpoint, String label) {
        PretrainSpec pretrain = spec.pretrain();
        long started = System.nanoTime();
        LabelledSplit split = PerClassSampler.draw(source, pretrain.samplesPerClass() == null ? 0 : pretrain.samplesPerClass(),
                pretrain.validationFraction(), Seeds.derive(pretrain.seed(), "sample"));
        if (pretrain.shufflesLabels()) {
            split = new LabelledSplit(shuffledLabels(split.train(), Seeds.derive(pretrain.seed(), "shuffle labels train")),
                    shuffledLabels(split.validation(), Seeds.derive(pretrain.seed(), "shuffle labels validation")));
        }
        Engine.getInstance().setRandomSeed((int) Seeds.derive(pretrain.seed(), "init"));
        try (Model model = Model.newInstance("pretrain-" + key)) {
            BuiltBackbone built = BuiltBackbone.build(components, spec.architecture(), source, model.getNDManager(), null);
            GroupedNetwork network = built.withHead(Pretrained.newSourceHead(components, pretrain.head(), built.featureShape(), source.numClasses(),
                    Seeds.derive(pretrain.seed(), "source head")), model.getNDManager());
            model.setBlock(network);
            try {
                Files.createDirectories(checkpoint.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("creating the backbone cache " + checkpoint.getParent(), e);
            }
            int epochs = pretrain.train().epochs();
            TrainingOutcome outcome = new NetworkTrainer(pretrain.train(), null, components.augmenter(pretrain.augment()), built.backbone().inputSpec(), pretrain.seed())
                    .checkpointTo(checkpoint, key)
                    .train(model, split.train(), split.validation(), metrics -> listener.pretrainingEpoch(label, metrics, epochs));
            double accuracy = outcome.epochs().get(outcome.bestEpoch() - 1).validationAccuracy();
            Map<String, Object> provenance = new LinkedHashMap<>();
            // with its type, so that a checkpoint backbone can rebuild it from meta.json
            com.fasterxml.jackson.databind.node.ObjectNode architecture = mapper.valueToTree(spec.architecture());
            architecture.put("type", components.name(dev.graft.spi.PluginFamily.BACKBONE, spec.architecture()));
            provenance.put("architecture", architecture);
            provenance.put("pretrain", pretrain);
            provenance.put("sourceOrigin", source.origin());
            provenance.put("sourceChecksum", source.checksum());
            provenance.put("sourceClasses", source.classNames());
            provenance.put("trainExamples", split.train().size());
            provenance.put("validationExamples", split.validation().size());
            provenance.put("bestEpoch", outcome.bestEpoch());
            provenance.put("epochs", outcome.epochs());
            provenance.put("environment", Environment.describe());
            // as plain JSON values, the form a cache hit reads back from meta.json: a run that pretrains
            // and one that finds the backbone cached record the same provenance, key order included
            Map<String, Object> plain = mapper.convertValue(provenance, new TypeReference<Map<String, Object>>() {});
            return new Pretrained(key, network.saveBackbone(), network.saveHead(), pretrain.head(), source.numClasses(), accuracy,
                    (System.nanoTime() - started) / 1e9, false, plain);
        }
    }

    /** The same images with their labels randomly permuted (Fisher-Yates, seeded). */
    private static Examples shuffledLabels(Examples data, long seed) {
        int[] labels = data.labels().clone();
        dev.graft.core.train.Batches.shuffle(labels, new java.util.SplittableRandom(seed));
        return data.withLabels(labels, data.classNames(),
                data.checksum() + "/shuffled-labels", data.origin() + " (labels shuffled)");
    }
}
