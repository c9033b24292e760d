package dev.graft.core.run;

import static java.util.Objects.requireNonNull;

import ai.djl.Model;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.data.LabelledSplit;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.PretrainSpec;
import dev.graft.core.sweep.TrialIds;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.core.train.Seeds;
import dev.graft.core.train.TrainingOutcome;
import dev.graft.core.train.TrialCheckpoint;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.Examples;
import dev.graft.spi.data.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Source-task pretraining, cached by content hash under {@code <cache>/backbones/<key>/}. The
 * key covers the architecture config, the pretraining spec, the source data's checksum and
 * PyTorch's threads per operation, so a change to any of them trains anew, and the same spec in
 * any run with the same threads reuses the weights.
 */
public final class PretrainedBackbones {
    static final String PROTOCOL = "graft-pretrain-v1";

    private final Path cacheDir;
    private final Components components;
    private final DataCatalog catalog;
    private final ObjectMapper mapper;
    private final RunListener listener;
    private final Map<String, Pretrained> inMemory = new HashMap<>();

    /**
     * @param cacheDir the cache root ({@code GRAFT_HOME/cache})
     * @param components plugin access
     * @param catalog data access
     * @param mapper the canonical config mapper
     * @param listener progress
     */
    public PretrainedBackbones(Path cacheDir, Components components, DataCatalog catalog, ObjectMapper mapper, RunListener listener) {
        this.cacheDir = requireNonNull(cacheDir, "cacheDir is null");
        this.components = requireNonNull(components, "components is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /**
     * @param spec a backbone with a pretrain block
     * @param source the source training split, classes selected
     * @return the cache key of its pretraining
     */
    public String key(BackboneSpec spec, Examples source) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("architecture", spec.architecture());
        identity.put("pretrain", spec.pretrain());
        identity.put("sourceChecksum", source.checksum());
        identity.put("sourceClasses", source.classNames());
        // PyTorch's threads per operation change the weights at the last bits, and so every trial on them
        identity.put("intraOpThreads", Environment.intraOpThreads());
        return TrialIds.hash(mapper, PROTOCOL, identity).substring(0, 20);
    }

    /**
     * Returns the pretrained backbone, training it on the source task when no cached copy exists.
     *
     * @param spec a backbone with a pretrain block
     * @param label the backbone's label, for progress lines
     * @return the pretrained weights
     */
    public synchronized Pretrained get(BackboneSpec spec, String label) {
        PretrainSpec pretrain = requireNonNull(spec.pretrain(), "backbone has no pretrain block");
        Examples source = catalog.load(pretrain.data(), Split.TRAIN);
        String key = key(spec, source);
        Pretrained known = inMemory.get(key);
        if (known != null) {
            return known;
        }
        Path dir = cacheDir.resolve("backbones").resolve(key);
        // entries written before source heads were kept are pretrained again (deterministically)
        boolean complete = Files.isRegularFile(dir.resolve("meta.json")) && Files.isRegularFile(dir.resolve("source-head.params"));
        Pretrained result = complete ? read(dir, key, pretrain) : null;
        if (result != null) {
            listener.info("pretrained backbone " + label + ": reusing cache " + dir);
        } else {
            Path checkpoint = cacheDir.resolve("backbones").resolve(key + ".checkpoint.bin");
            int done = TrialCheckpoint.read(checkpoint, key).map(TrialCheckpoint::epochsDone).orElse(0);
            listener.info("pretraining backbone " + label + " on " + source.origin() + " (" + source.size() + " examples)"
                    + (done > 0 ? ", resuming after epoch " + done + " of an interrupted pretraining" : ""));
            listener.pretrainingStarted(label, pretrain.train().epochs());
            try {
                result = train(spec, source, key, checkpoint, label);
            } finally {
                listener.pretrainingFinished(label);
            }
            write(dir, result);
            try {
                Files.deleteIfExists(checkpoint);
            } catch (IOException e) {
                // a stale checkpoint is harmless: the finished entry is found first next time
            }
            listener.info(String.format("pretrained backbone %s: source validation accuracy %.4f in %.1fs, cached in %s",
                    label, result.sourceAccuracy(), result.seconds(), dir));
        }
        inMemory.put(key, result);
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

    private Pretrained read(Path dir, String key, PretrainSpec pretrain) {
        try {
            Map<String, Object> meta = mapper.readValue(dir.resolve("meta.json").toFile(), new TypeReference<>() {});
            byte[] weights = Files.readAllBytes(dir.resolve("backbone.params"));
            byte[] sourceHead = Files.readAllBytes(dir.resolve("source-head.params"));
            @SuppressWarnings("unchecked")
            Map<String, Object> provenance = (Map<String, Object>) meta.get("provenance");
            return new Pretrained(key, weights, sourceHead, pretrain.head(), ((Number) meta.get("sourceClasses")).intValue(),
                    ((Number) meta.get("sourceAccuracy")).doubleValue(),
                    ((Number) meta.get("seconds")).doubleValue(), true, provenance);
        } catch (IOException | RuntimeException e) {
            throw new GraftException(dir + ": the cached pretrained backbone is unreadable (" + e.getMessage()
                    + "); delete the directory to pretrain again", e);
        }
    }

    private void write(Path dir, Pretrained pretrained) {
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
            Files.write(tmp.resolve("backbone.params"), pretrained.weights());
            Files.write(tmp.resolve("source-head.params"), pretrained.sourceHead());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("key", pretrained.key());
            meta.put("sourceAccuracy", pretrained.sourceAccuracy());
            meta.put("sourceClasses", pretrained.sourceClasses());
            meta.put("seconds", pretrained.seconds());
            meta.put("provenance", pretrained.provenance());
            mapper.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve("meta.json").toFile(), meta);
            if (Files.isDirectory(dir)) {
                // an incomplete entry of an older version: replaced whole
                dev.graft.spi.FileTrees.delete(dir);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the backbone cache " + dir, e);
        }
    }
}
