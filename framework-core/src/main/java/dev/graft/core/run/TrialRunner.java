package dev.graft.core.run;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.data.LabelledSplit;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.eval.Scoring;
import dev.graft.core.eval.TestScores;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialIds;
import dev.graft.core.sweep.TrialKind;
import dev.graft.core.sweep.TrialSpec;
import dev.graft.core.train.EpochListener;
import dev.graft.core.train.EpochMetrics;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.Inference;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.core.train.Regularization;
import dev.graft.core.train.Seeds;
import dev.graft.core.train.TrainingOutcome;
import dev.graft.core.train.TrialCheckpoint;
import dev.graft.spi.Axis;
import dev.graft.spi.GraftException;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.data.LabeledImages;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.freeze.TrainingPosition;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadContext;
import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.train.TrainingHook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static java.util.Objects.requireNonNull;

/**
 * Runs one trial in this JVM: draws its labelled sample, builds the backbone (pretrained for a
 * transfer trial, random for scratch) and head from the trial's seed, trains, scores on the test
 * split with Tribuo, and returns the record. Any exception becomes a failed record; nothing is
 * written here.
 */
public final class TrialRunner {
    private final Components components;
    private final ObjectMapper mapper;
    private final FeatureCache featureCache;

    /**
     * @param components plugin access
     * @param mapper the canonical config mapper
     */
    public TrialRunner(Components components, ObjectMapper mapper) {
        this(components, mapper, null);
    }

    /**
     * @param components plugin access
     * @param mapper the canonical config mapper
     * @param featureCache where frozen trials find their backbone's features, or null to compute
     *     them through the backbone in every batch
     */
    public TrialRunner(Components components, ObjectMapper mapper, FeatureCache featureCache) {
        this.components = requireNonNull(components, "components is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.featureCache = featureCache;
    }

    /**
     * @param trial the trial
     * @param pool the target training split, classes selected
     * @param test the target test split, classes selected and capped
     * @param pretrained the pretrained backbone for a transfer trial with pretraining, else null
     * @param epochListener told after each epoch
     * @return the finished or failed record
     */
    public TrialRecord run(Trial trial, LabeledImages pool, LabeledImages test, Pretrained pretrained, EpochListener epochListener) {
        return run(trial, pool, test, pretrained, epochListener, null);
    }

    /**
     * @param trial the trial
     * @param pool the target training split, classes selected
     * @param test the target test split, classes selected and capped
     * @param pretrained the pretrained backbone for a transfer trial with pretraining, else null
     * @param epochListener told after each epoch, first about the epochs a checkpoint restored
     * @param checkpoint where the trial keeps its checkpoint after every epoch and resumes from
     *     one left by an interrupted attempt; null for none
     * @return the finished or failed record
     */
    public TrialRecord run(Trial trial, LabeledImages pool, LabeledImages test, Pretrained pretrained, EpochListener epochListener,
            java.nio.file.Path checkpoint) {
        TrialSpec spec = trial.spec();
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        List<EpochMetrics> epochs = new ArrayList<>();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trialId", trial.id());
        provenance.put("spec", spec);
        provenance.put("plugins", pluginNames(spec));
        provenance.put("seed", spec.seed());
        provenance.put("environment", Environment.describe());
        provenance.put("startedAt", startedAt.toString());
        try {
            if (spec.kind() == TrialKind.transfer && spec.backbone().pretrain() != null && pretrained == null) {
                throw new IllegalStateException("transfer trial without its pretrained backbone");
            }
            LabelledSplit split = PerClassSampler.draw(pool, spec.samplesPerClass(), spec.validationFraction(),
                    Seeds.derive(spec.seed(), "sample"));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("origin", pool.origin());
            data.put("checksum", pool.checksum());
            data.put("classes", pool.classNames());
            data.put("trainExamples", split.train().size());
            data.put("validationExamples", split.validation().size());
            data.put("testExamples", test.size());
            data.put("testOrigin", test.origin());
            data.put("testChecksum", test.checksum());
            provenance.put("data", data);
            if (pretrained != null) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("key", pretrained.key());
                source.put("sourceAccuracy", pretrained.sourceAccuracy());
                source.put("provenance", pretrained.provenance());
                provenance.put("pretrained", source);
            }

            Engine.getInstance().setRandomSeed((int) Seeds.derive(spec.seed(), "init"));
            TestScores scores;
            int bestEpoch;
            try (Model model = Model.newInstance("trial-" + trial.id())) {
                BuiltBackbone built = spec.kind() == TrialKind.scratch
                        ? BuiltBackbone.buildRandom(components, spec.backbone().architecture(), pool, model.getNDManager())
                        : BuiltBackbone.build(components, spec.backbone().architecture(), pool, model.getNDManager(),
                                pretrained != null ? pretrained.weights() : null, spec.backbone().transferLayers());
                int firstNewGroup = spec.backbone().transferLayers() == null ? Integer.MAX_VALUE : spec.backbone().transferLayers();
                provenance.put("backboneProvenance", built.backbone().provenance());
                provenance.put("layerGroups", built.backbone().layerGroups().stream().map(g -> g.name()).toList());
                Head head = components.head(spec.head(), new HeadContext(built.featureShape(), pool.numClasses(), spec.seed()));
                FreezeSchedule schedule = spec.kind() == TrialKind.transfer ? components.freeze(spec.freeze()) : null;
                Map<String, TrainingHook> hooks = components.hooks(spec);
                EpochListener listener = metrics -> {
                    epochs.add(metrics);
                    epochListener.epochFinished(metrics);
                };
                Regularizer regularizer = spec.kind() == TrialKind.transfer ? components.regularizer(spec.regularizer()) : null;
                if (regularizer != null && regularizer.needs().isEmpty()) {
                    regularizer = null; // 'none'
                }
                boolean needsSource = regularizer != null && regularizer.needs().contains(Regularizer.Need.SOURCE_OUTPUTS);
                if (needsSource && pretrained == null) {
                    throw new GraftException("regularizer '" + trial.labels().of(Axis.REGULARIZER) + "' needs the source head of a backbone "
                            + "pretrained by Graft, but this backbone has no pretrain block");
                }
                if (head instanceof Head.FeatureClassifier classifier && spec.kind() == TrialKind.transfer) {
                    if (regularizer != null) {
                        throw new GraftException("a feature head is fitted on fixed features, so regularizer '"
                                + trial.labels().of(Axis.REGULARIZER) + "' cannot act on it; exclude the combination");
                    }
                    if (!hooks.isEmpty()) {
                        throw new GraftException("a feature head is fitted by its own library on fixed features, so '"
                                + String.join("', '", hooks.keySet().stream().map(a -> trial.labels().axes().get(a)).toList())
                                + "' cannot act on it; exclude the combination");
                    }
                    if (components.augments(spec.augment())) {
                        // its scratch baseline trains end to end on augmented images: a transfer trial without them would not compare
                        throw new GraftException("a feature head is fitted on features extracted once from the images as they are, so augmenter '"
                                + trial.labels().of(Axis.AUGMENT) + "' cannot act on it; exclude the combination");
                    }
                    requireFrozenThroughout(schedule, built, spec);
                    if (firstNewGroup < built.backbone().layerGroups().size()) {
                        throw new GraftException("a feature head needs a fully transferred, frozen backbone, but transferLayers = "
                                + firstNewGroup + " re-initialises groups that must train");
                    }
                    CachedFeatures cached = cachedFeatures(trial, built, pretrained, pool, test, split, model.getNDManager(), provenance);
                    FeatureTable trainFeatures = cached.train();
                    FeatureTable validationFeatures = cached.validation();
                    FeatureTable testFeatures = cached.test();
                    long fitStarted = System.nanoTime();
                    Head.FeatureClassifier.Fitted fitted = classifier.fit(trainFeatures, validationFeatures, spec.seed());
                    listener.epochFinished(new EpochMetrics(1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, (System.nanoTime() - fitStarted) / 1e9, List.of()));
                    scores = Scoring.score(fitted.predictProbabilities(testFeatures), test.labels(), test.classNames());
                    bestEpoch = 1;
                } else if (cacheable(spec, head, schedule, built, regularizer, firstNewGroup, provenance)) {
                    // a frozen backbone's features, computed once per backbone and dataset, feed the head
                    CachedFeatures cached = cachedFeatures(trial, built, pretrained, pool, test, split, model.getNDManager(), provenance);
                    Block headBlock = ((Head.Network) head).block();
                    GroupedNetwork network = cached.headNetwork(built, headBlock, model.getNDManager());
                    model.setBlock(network);
                    InputSpec identity = cached.inputSpec();
                    NetworkTrainer trainer = new NetworkTrainer(spec.train(), schedule, null, identity, spec.seed(), firstNewGroup, null)
                            .withHooks(hooks);
                    if (checkpoint != null) {
                        trainer.checkpointTo(checkpoint, trial.id());
                        provenance.put("resumedFromEpoch", TrialCheckpoint.read(checkpoint, trial.id()).map(TrialCheckpoint::epochsDone).orElse(0));
                    }
                    TrainingOutcome outcome = trainer.train(model, cached.asImages(cached.train()), cached.asImages(cached.validation()), listener);
                    bestEpoch = outcome.bestEpoch();
                    provenance.put("stoppedEarly", outcome.stoppedEarly());
                    scores = Scoring.score(Inference.probabilities(network, model.getNDManager(), cached.asImages(cached.test()), identity,
                            Math.max(256, spec.train().batchSize())), test.labels(), test.classNames());
                } else {
                    Block headBlock;
                    if (head instanceof Head.Network network) {
                        headBlock = network.block();
                    } else {
                        // a feature classifier cannot train end to end: its scratch baseline is the
                        // equivalent linear softmax classifier trained with the whole network
                        headBlock = Linear.builder().setUnits(pool.numClasses()).build();
                        provenance.put("scratchHead", "linear layer standing in for feature head '" + trial.labels().of(Axis.HEAD) + "'");
                    }
                    Block sourceHead = needsSource ? pretrained.newSourceHead(components, built.featureShape()) : null;
                    GroupedNetwork network = built.withHead(headBlock, sourceHead, model.getNDManager());
                    model.setBlock(network);
                    Regularization regularization = null;
                    if (regularizer != null) {
                        GroupedNetwork pretrainedSource = null;
                        if (needsSource) {
                            // LwF: the source head starts from its pretrained weights and trains; the
                            // untouched pretrained network gives the outputs to stay close to
                            GroupedNetwork.loadBlock(model.getNDManager(), sourceHead, pretrained.sourceHead());
                            pretrainedSource = BuiltBackbone.build(components, spec.backbone().architecture(), pool, model.getNDManager(),
                                    pretrained.weights()).withHead(pretrained.newSourceHead(components, built.featureShape()), null,
                                    model.getNDManager());
                            GroupedNetwork.loadBlock(model.getNDManager(), pretrainedSource.head(), pretrained.sourceHead());
                            pretrainedSource.freezeParameters(true);
                        }
                        regularization = new Regularization(regularizer, pretrainedSource);
                    }
                    NetworkTrainer trainer = new NetworkTrainer(spec.train(), schedule, components.augmenter(spec.augment()),
                            built.backbone().inputSpec(), spec.seed(), firstNewGroup, regularization).withHooks(hooks);
                    if (checkpoint != null) {
                        trainer.checkpointTo(checkpoint, trial.id());
                        provenance.put("resumedFromEpoch", TrialCheckpoint.read(checkpoint, trial.id()).map(TrialCheckpoint::epochsDone).orElse(0));
                    }
                    TrainingOutcome outcome = trainer.train(model, split.train(), split.validation(), listener);
                    bestEpoch = outcome.bestEpoch();
                    provenance.put("stoppedEarly", outcome.stoppedEarly());
                    scores = Scoring.score(Inference.probabilities(network, model.getNDManager(), test, built.backbone().inputSpec(),
                            Math.max(256, spec.train().batchSize())), test.labels(), test.classNames());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            provenance.put("seconds", seconds);
            Map<String, Object> confusion = new LinkedHashMap<>();
            confusion.put("classes", scores.classNames());
            confusion.put("matrix", scores.confusion());
            return record(trial, TrialStatus.finished, null, scores.accuracy(), scores.macroF1(), bestEpoch, epochs, seconds,
                    provenance, json(confusion));
        } catch (RuntimeException | OutOfMemoryError e) {
            double seconds = (System.nanoTime() - started) / 1e9;
            String message = e instanceof GraftException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            provenance.put("seconds", seconds);
            return record(trial, TrialStatus.failed, message, Double.NaN, Double.NaN, 0, epochs, seconds, provenance, null);
        }
    }

    /**
     * Whether a trial can train its head on cached features: a transfer trial with a network head
     * whose schedule keeps every backbone group frozen in every epoch, all groups transferred, no
     * regulariser and BatchNorm not training. Such a trial's backbone sees every image the same
     * way in every epoch, unless augmentation changes the images first: then the cache is
     * bypassed, and the provenance says why.
     */
    private boolean cacheable(TrialSpec spec, Head head, FreezeSchedule schedule, BuiltBackbone built, Regularizer regularizer,
            int firstNewGroup, Map<String, Object> provenance) {
        if (spec.kind() != TrialKind.transfer || !(head instanceof Head.Network) || !frozenThroughout(schedule, built, spec)) {
            return false;
        }
        String bypass = null;
        if (featureCache == null) {
            bypass = "feature cache off";
        } else if (components.augments(spec.augment())) {
            bypass = "augmentation before the frozen backbone";
        } else if (regularizer != null) {
            bypass = "a regularizer acts on the backbone";
        } else if (spec.train().trainBatchNorm()) {
            bypass = "BatchNorm of frozen groups trains";
        } else if (firstNewGroup < built.backbone().layerGroups().size()) {
            bypass = "transferLayers re-initialises groups";
        }
        if (bypass != null) {
            provenance.put("featureCache", Map.of("used", false, "reason", bypass));
            return false;
        }
        return true;
    }

    private static boolean frozenThroughout(FreezeSchedule schedule, BuiltBackbone built, TrialSpec spec) {
        return firstTrainingEpoch(schedule, built, spec) < 0;
    }

    /** @return the first epoch (0-based) in which the schedule trains a backbone group, or -1 */
    private static int firstTrainingEpoch(FreezeSchedule schedule, BuiltBackbone built, TrialSpec spec) {
        List<String> groups = built.backbone().layerGroups().stream().map(g -> g.name()).toList();
        for (int epoch = 0; epoch < spec.train().epochs(); epoch++) {
            for (GroupState state : schedule.plan(groups, new TrainingPosition(epoch, spec.train().epochs()))) {
                if (state.trains()) {
                    return epoch;
                }
            }
        }
        return -1;
    }

    /**
     * The trial's training, validation and test features: rows of the pool's and the test split's
     * feature tables, which the cache computes once per backbone weights, dataset and
     * preprocessing (without a cache, the trial's own examples computed here).
     */
    private CachedFeatures cachedFeatures(Trial trial, BuiltBackbone built, Pretrained pretrained, LabeledImages pool, LabeledImages test,
            LabelledSplit split, NDManager manager, Map<String, Object> provenance) {
        TrialSpec spec = trial.spec();
        GroupedNetwork body = built.withHead(null, manager);
        int batch = Math.max(256, spec.train().batchSize());
        int cols = (int) built.featureShape().size();
        if (featureCache == null) {
            // nothing to share with other trials: only this trial's examples go through the backbone
            provenance.put("featureCache", Map.of("used", false));
            InputSpec input = built.backbone().inputSpec();
            return new CachedFeatures(Inference.features(body, manager, split.train(), input, batch),
                    Inference.features(body, manager, split.validation(), input, batch), Inference.features(body, manager, test, input, batch),
                    built.featureShape(), pool.classNames());
        }
        Map<String, Object> backbone = new LinkedHashMap<>();
        backbone.put("architecture", spec.backbone().architecture());
        backbone.put("transferLayers", spec.backbone().transferLayers());
        backbone.put("pretrained", pretrained == null ? null : pretrained.key());
        backbone.put("provenance", built.backbone().provenance());
        // the weights themselves: a backbone initialised from the trial's seed differs per seed
        backbone.put("weights", TrialIds.sha256(body.saveBackbone()));
        backbone.put("inputSpec", built.backbone().inputSpec());
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("used", true);
        float[][] tables = new float[2][];
        LabeledImages[] sets = {pool, test};
        String[] names = {"pool", "test"};
        for (int i = 0; i < 2; i++) {
            LabeledImages data = sets[i];
            Map<String, Object> identity = new LinkedHashMap<>(backbone);
            identity.put("data", Map.of("checksum", data.checksum(), "origin", data.origin(), "size", data.size()));
            String key = TrialIds.hash(mapper, "graft-features-v1", identity).substring(0, 24);
            FeatureCache.Lookup lookup = featureCache.get(key, data.size(), cols,
                    () -> Inference.features(body, manager, data, built.backbone().inputSpec(), batch).values());
            tables[i] = lookup.values();
            used.put(names[i], lookup.source().name());
            used.put(names[i] + "Key", key);
        }
        provenance.put("featureCache", used);
        int[] trainRows = split.trainIndices();
        int[] validationRows = split.validationIndices();
        return new CachedFeatures(rows(tables[0], cols, trainRows, split.train()), rows(tables[0], cols, validationRows, split.validation()),
                new FeatureTable(tables[1], test.size(), cols, test.labels().clone(), test.numClasses()), built.featureShape(), pool.classNames());
    }

    private static FeatureTable rows(float[] table, int cols, int[] indices, LabeledImages examples) {
        float[] values = new float[indices.length * cols];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(table, indices[r] * cols, values, r * cols, cols);
        }
        return new FeatureTable(values, indices.length, cols, examples.labels().clone(), examples.numClasses());
    }

    private static void requireFrozenThroughout(FreezeSchedule schedule, BuiltBackbone built, TrialSpec spec) {
        int epoch = firstTrainingEpoch(schedule, built, spec);
        if (epoch >= 0) {
            throw new GraftException("a feature head is fitted on features of a frozen backbone, but this freeze "
                    + "schedule trains backbone groups in epoch " + (epoch + 1) + "; pair feature heads with "
                    + "'frozen' or exclude the combination");
        }
    }


    /** Each component's plugin: its name, factory class and the version of the jar it came from. */
    private Map<String, Map<String, String>> pluginNames(TrialSpec spec) {
        Map<String, Map<String, String>> plugins = new LinkedHashMap<>();
        plugins.put("backbone", components.describe(PluginFamily.BACKBONE, spec.backbone().architecture()));
        for (Axis axis : spec.axes()) {
            if (spec.component(axis) != null) {
                plugins.put(axis.name(), components.describe(axis.family(), spec.component(axis)));
            }
        }
        plugins.put("dataset", components.describe(PluginFamily.DATASET, spec.targetData()));
        return plugins;
    }

    /**
     * A failed record for a trial that could not report itself (its worker process died).
     *
     * @param trial the trial
     * @param error why it failed
     * @return the record
     */
    TrialRecord failedRecord(Trial trial, String error) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trialId", trial.id());
        provenance.put("spec", trial.spec());
        provenance.put("environment", Environment.describe());
        return record(trial, TrialStatus.failed, error, Double.NaN, Double.NaN, 0, List.of(), 0, provenance, null);
    }

    private TrialRecord record(Trial trial, TrialStatus status, String error, double accuracy, double macroF1, int bestEpoch,
            List<EpochMetrics> epochs, double seconds, Map<String, Object> provenance, String confusion) {
        TrialSpec spec = trial.spec();
        return new TrialRecord(trial.id(), spec.kind().name(), trial.labels(), spec.samplesPerClass(), spec.seed(),
                trial.baselineId().orElse(null), status, error, accuracy, macroF1, bestEpoch, epochs.size(), seconds,
                json(spec), json(provenance), confusion, Instant.now().toString(), epochs);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
