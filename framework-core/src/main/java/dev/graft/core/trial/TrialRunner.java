package dev.graft.core.trial;

import ai.djl.Model;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.data.LabelledSplit;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.eval.TestScores;
import dev.graft.core.provenance.DataProvenance;
import dev.graft.core.provenance.FeatureCacheProvenance;
import dev.graft.core.provenance.PluginProvenance;
import dev.graft.core.provenance.PretrainedProvenance;
import dev.graft.core.provenance.TrialProvenance;
import dev.graft.core.store.EvaluationScore;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.core.sweep.TrialSpec;
import dev.graft.core.train.EpochListener;
import dev.graft.core.train.EpochMetrics;
import dev.graft.core.train.Seeds;
import dev.graft.spi.Axis;
import dev.graft.spi.GraftException;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.data.Examples;
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
 * transfer trial, random for scratch) and head from the trial's seed, chooses one of three
 * {@link TrainingPlan}s, which trains and scores on the test split with Tribuo, and returns the
 * record with its typed {@link TrialProvenance}. Any exception becomes a failed record; nothing
 * is written here.
 */
public final class TrialRunner {
    private final Components components;
    private final ObjectMapper mapper;
    private final FeatureExtraction features;

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
        this.features = new FeatureExtraction(featureCache, mapper);
    }

    /**
     * @param trial the trial
     * @param data what it trains and is scored on
     * @param epochListener told after each epoch
     * @return the finished or failed record
     */
    public TrialRecord run(Trial trial, TrialData data, EpochListener epochListener) {
        return run(trial, data, epochListener, null);
    }

    /**
     * @param trial the trial
     * @param data what it trains and is scored on
     * @param epochListener told after each epoch, first about the epochs a checkpoint restored
     * @param checkpoint where the trial keeps its checkpoint after every epoch and resumes from
     *     one left by an interrupted attempt; null for none
     * @return the finished or failed record
     */
    public TrialRecord run(Trial trial, TrialData data, EpochListener epochListener, java.nio.file.Path checkpoint) {
        Examples pool = data.pool();
        Examples test = data.test();
        Pretrained pretrained = data.pretrained();
        TrialSpec spec = trial.spec();
        long started = System.nanoTime();
        List<EpochMetrics> epochs = new ArrayList<>();
        TrialProvenance.Builder provenance = new TrialProvenance.Builder(trial.id(), mapper.valueToTree(spec), Environment.describe())
                .started(plugins(spec), spec.seed(), Instant.now().toString());
        try {
            if (spec.kind() == TrialKind.transfer && spec.backbone().pretrain() != null && pretrained == null) {
                throw new IllegalStateException("transfer trial without its pretrained backbone");
            }
            LabelledSplit split = PerClassSampler.draw(pool, spec.samplesPerClass(), spec.validationFraction(),
                    Seeds.derive(spec.seed(), "sample"));
            provenance.data(new DataProvenance(pool.origin(), pool.checksum(), pool.classNames(), split.train().size(),
                    split.validation().size(), test.size(), test.origin(), test.checksum()));
            if (pretrained != null) {
                provenance.pretrained(new PretrainedProvenance(pretrained.key(), pretrained.sourceAccuracy(),
                        mapper.valueToTree(pretrained.provenance())));
            }

            Engine.getInstance().setRandomSeed((int) Seeds.derive(spec.seed(), "init"));
            dev.graft.core.provenance.PeakMemory.reset();
            TrainingPlan.Trained trained;
            try (Model model = Model.newInstance("trial-" + trial.id())) {
                BuiltBackbone built = spec.kind() == TrialKind.scratch
                        ? BuiltBackbone.buildRandom(components, spec.backbone().architecture(), pool, model.getNDManager())
                        : BuiltBackbone.build(components, spec.backbone().architecture(), pool, model.getNDManager(),
                                pretrained != null ? pretrained.weights() : null, spec.backbone().transferLayers());
                int firstNewGroup = spec.backbone().transferLayers() == null ? Integer.MAX_VALUE : spec.backbone().transferLayers();
                provenance.backbone(built.backbone().provenance(), built.backbone().layerGroups().stream().map(g -> g.name()).toList());
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
                TrialSetup setup = new TrialSetup(trial, pool, test, data.evaluations(), split, pretrained, model, built, firstNewGroup, head, schedule, regularizer,
                        hooks, listener, checkpoint, provenance);
                provenance.time("setup", (System.nanoTime() - started) / 1e9);
                trained = plan(setup).train(setup);
            }
            provenance.peakMemory(dev.graft.core.provenance.PeakMemory.read());
            TestScores scores = trained.scores();
            double seconds = (System.nanoTime() - started) / 1e9;
            List<EvaluationScore> scored = new ArrayList<>();
            for (EvaluationSets.Scored set : data.evaluations()) {
                TestScores s = trained.evaluations().get(set.name());
                scored.add(new EvaluationScore(set.name(), set.underSourceHead(), s.accuracy(), s.macroF1(), confusionJson(s)));
            }
            return record(trial, TrialStatus.finished, null, scores.accuracy(), scores.macroF1(), trained.bestEpoch(), epochs, seconds,
                    provenance.build(seconds), confusionJson(scores), scored);
        } catch (RuntimeException | OutOfMemoryError e) {
            double seconds = (System.nanoTime() - started) / 1e9;
            String message = e instanceof GraftException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return record(trial, TrialStatus.failed, message, Double.NaN, Double.NaN, 0, epochs, seconds, provenance.build(seconds), null, List.of());
        }
    }

    /**
     * Chooses how the trial trains: a transfer trial with a feature head is fitted on features
     * (refused, with the reason, when a component would need the images or a training backbone);
     * a transfer trial whose network head sits on a backbone frozen throughout trains on cached
     * features when nothing changes the images or the backbone; everything else trains end to end.
     *
     * @param setup the trial's components
     * @return the plan
     * @throws GraftException naming what cannot work together
     */
    TrainingPlan plan(TrialSetup setup) {
        TrialSpec spec = setup.spec();
        Trial trial = setup.trial();
        if (setup.needsSource() && setup.pretrained() == null) {
            throw new GraftException("regularizer '" + trial.labels().of(Axis.REGULARIZER) + "' needs the source head of a backbone "
                    + "pretrained by Graft, but this backbone has no pretrain block");
        }
        if (setup.head() instanceof Head.FeatureClassifier classifier && spec.kind() == TrialKind.transfer) {
            if (setup.regularizer() != null) {
                throw new GraftException("a feature head is fitted on fixed features, so regularizer '"
                        + trial.labels().of(Axis.REGULARIZER) + "' cannot act on it; exclude the combination");
            }
            if (!setup.hooks().isEmpty()) {
                throw new GraftException("a feature head is fitted by its own library on fixed features, so '"
                        + String.join("', '", setup.hooks().keySet().stream().map(a -> trial.labels().axes().get(a)).toList())
                        + "' cannot act on it; exclude the combination");
            }
            if (components.augments(spec.augment())) {
                // its scratch baseline trains end to end on augmented images: a transfer trial without them would not compare
                throw new GraftException("a feature head is fitted on features extracted once from the images as they are, so augmenter '"
                        + trial.labels().of(Axis.AUGMENT) + "' cannot act on it; exclude the combination");
            }
            requireFrozenThroughout(setup.schedule(), setup.built(), spec);
            if (setup.firstNewGroup() < setup.built().backbone().layerGroups().size()) {
                throw new GraftException("a feature head needs a fully transferred, frozen backbone, but transferLayers = "
                        + setup.firstNewGroup() + " re-initialises groups that must train");
            }
            return new FeatureHeadPlan(classifier, features, components);
        }
        if (setup.head() instanceof Head.Network network && cacheable(setup)) {
            return new CachedFeaturesPlan(network, features, components);
        }
        return new EndToEndPlan(components);
    }

    /**
     * Whether a trial can train its head on cached features: a transfer trial with a network head
     * whose schedule keeps every backbone group frozen in every epoch, all groups transferred, no
     * regulariser and BatchNorm not training. Such a trial's backbone sees every image the same
     * way in every epoch, unless augmentation changes the images first: then the cache is
     * bypassed, and the provenance says why.
     */
    private boolean cacheable(TrialSetup setup) {
        TrialSpec spec = setup.spec();
        if (spec.kind() != TrialKind.transfer || !frozenThroughout(setup.schedule(), setup.built(), spec)) {
            return false;
        }
        String bypass = null;
        if (!features.cacheOn()) {
            bypass = "feature cache off";
        } else if (components.augments(spec.augment())) {
            bypass = "augmentation before the frozen backbone";
        } else if (setup.regularizer() != null) {
            bypass = "a regularizer acts on the backbone";
        } else if (setup.editsBackbone()) {
            bypass = "a training hook edits the backbone";
        } else if (spec.train().trainBatchNorm()) {
            bypass = "BatchNorm of frozen groups trains";
        } else if (setup.firstNewGroup() < setup.built().backbone().layerGroups().size()) {
            bypass = "transferLayers re-initialises groups";
        }
        if (bypass != null) {
            setup.provenance().featureCache(FeatureCacheProvenance.bypassed(bypass));
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

    private static void requireFrozenThroughout(FreezeSchedule schedule, BuiltBackbone built, TrialSpec spec) {
        int epoch = firstTrainingEpoch(schedule, built, spec);
        if (epoch >= 0) {
            throw new GraftException("a feature head is fitted on features of a frozen backbone, but this freeze "
                    + "schedule trains backbone groups in epoch " + (epoch + 1) + "; pair feature heads with "
                    + "'frozen' or exclude the combination");
        }
    }


    /** Each component's plugin: its name, factory class and the version of the jar it came from. */
    private Map<String, PluginProvenance> plugins(TrialSpec spec) {
        Map<String, PluginProvenance> plugins = new LinkedHashMap<>();
        plugins.put("backbone", components.describe(PluginFamily.BACKBONE, spec.backbone().architecture()));
        for (Axis axis : spec.axes()) {
            if (spec.component(axis) != null) {
                plugins.put(axis.name(), components.describe(axis.family(), spec.component(axis)));
            }
        }
        plugins.put("dataset", components.describe(PluginFamily.DATASET, spec.targetData()));
        return plugins;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * A failed record for a trial that could not report itself (its worker process died).
     *
     * @param trial the trial
     * @param error why it failed
     * @return the record
     */
    TrialRecord failedRecord(Trial trial, String error) {
        TrialProvenance provenance = new TrialProvenance.Builder(trial.id(), mapper.valueToTree(trial.spec()), Environment.describe()).build(null);
        return record(trial, TrialStatus.failed, error, Double.NaN, Double.NaN, 0, List.of(), 0, provenance, null, List.of());
    }

    /** The confusion matrix and class names, as JSON. */
    private String confusionJson(TestScores scores) {
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("classes", scores.classNames());
        confusion.put("matrix", scores.confusion());
        return json(confusion);
    }

    private TrialRecord record(Trial trial, TrialStatus status, String error, double accuracy, double macroF1, int bestEpoch,
            List<EpochMetrics> epochs, double seconds, TrialProvenance provenance, String confusion, List<EvaluationScore> evaluations) {
        TrialSpec spec = trial.spec();
        return new TrialRecord(trial.id(), spec.kind().name(), trial.labels(), spec.samplesPerClass(), spec.seed(),
                trial.baselineId().orElse(null), status, error, accuracy, macroF1, bestEpoch, epochs.size(), seconds,
                json(spec), json(provenance), confusion, Instant.now().toString(), epochs, evaluations);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
