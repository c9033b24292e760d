package dev.graft.core.trial;

import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.Inference;
import dev.graft.core.eval.Scoring;
import dev.graft.core.eval.TestScores;
import dev.graft.core.train.LoopTimes;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.core.train.TrainingOutcome;
import dev.graft.core.train.TrialCheckpoint;
import dev.graft.spi.data.Examples;

/**
 * How a trial trains and is scored, one of three, which {@link TrialRunner} chooses from what the
 * trial's components are: a feature head fitted by its own library on a frozen backbone's
 * features ({@link FeatureHeadPlan}), a network head trained by gradient steps on those features
 * ({@link CachedFeaturesPlan}), or the whole network trained end to end on the images ({@link
 * EndToEndPlan}).
 */
sealed interface TrainingPlan permits FeatureHeadPlan, CachedFeaturesPlan, EndToEndPlan {

    /**
     * @param scores the test split's scores
     * @param bestEpoch the epoch whose weights were scored (1 for a fitted feature head)
     * @param evaluations the scores on each evaluation set, by name, in order
     */
    record Trained(TestScores scores, int bestEpoch, java.util.Map<String, TestScores> evaluations) {}

    /**
     * Trains and scores the trial.
     *
     * @param setup the trial's components
     * @return its scores
     */
    Trained train(TrialSetup setup);

    /**
     * Runs a network trainer with the trial's checkpoint, recording where it resumed and whether it
     * stopped early.
     */
    static TrainingOutcome run(TrialSetup setup, NetworkTrainer trainer, Examples train, Examples validation) {
        if (setup.checkpoint() != null) {
            trainer.checkpointTo(setup.checkpoint(), setup.trial().id());
            setup.provenance().resumedFromEpoch(
                    TrialCheckpoint.read(setup.checkpoint(), setup.trial().id()).map(TrialCheckpoint::epochsDone).orElse(0));
        }
        TrainingOutcome outcome = trainer.train(setup.model(), train, validation, setup.listener());
        setup.provenance().stoppedEarly(outcome.stoppedEarly());
        var counts = outcome.parameters();
        boolean scratch = setup.spec().kind() == dev.graft.core.sweep.TrialKind.scratch;
        double[] seconds = outcome.epochs().stream().mapToDouble(e -> e.seconds()).toArray();
        Double median = seconds.length == 0 ? null : dev.graft.core.stats.Interval.median(seconds);
        // a head trained on cached features (its groups stand in for the backbone's, without parameters): the network is the frozen backbone's too
        long total = counts.total();
        if (setup.model().getBlock() instanceof GroupedNetwork network
                && network.groups().stream().allMatch(g -> g.block().getParameters().isEmpty())) {
            for (var group : setup.built().backbone().layerGroups()) {
                total += group.block().getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            }
        }
        // a scratch network is all new: the task stores every value
        setup.provenance().cost(new dev.graft.core.provenance.CostProvenance(counts.trained(), total,
                scratch ? counts.totalBytes() : counts.changedBytes(), null, median));
        LoopTimes times = outcome.times();
        setup.provenance().time("forward", times.forward()).time("backward", times.backward()).time("step", times.step())
                .time("validation", times.validation()).time("batchWait", times.batchWait());
        return outcome;
    }

    /**
     * Scores the test split, timing it as the trial's {@code test} phase.
     *
     * @param setup the trial
     * @param probabilities the trained model's class probabilities for the test split, one row per example
     * @return the scores
     */
    static TestScores scoreTest(TrialSetup setup, java.util.function.Supplier<float[][]> probabilities) {
        long started = System.nanoTime();
        TestScores scores = Scoring.score(probabilities.get(), setup.test().labels(), setup.test().classNames());
        setup.provenance().time("test", (System.nanoTime() - started) / 1e9);
        return scores;
    }

    /**
     * Scores the evaluation sets after the test split, timing it as the trial's {@code evaluate}
     * phase: a set of the target's examples with the trained model, the source task with the
     * trained backbone under the source head it was pretrained with (its weights as pretrained).
     *
     * @param setup the trial
     * @param components plugin access (the backbone and source head are rebuilt for the source task)
     * @param probabilities the trained model's class probabilities for a set of the target's examples
     * @param trainedBackbone the backbone's weights as the trial left them
     * @return the scores by set name, in order; empty without sets
     */
    static java.util.Map<String, TestScores> scoreEvaluations(TrialSetup setup, Components components,
            java.util.function.Function<Examples, float[][]> probabilities, java.util.function.Supplier<byte[]> trainedBackbone) {
        return scoreEvaluations(setup, components, probabilities, trainedBackbone, null);
    }

    /**
     * As {@link #scoreEvaluations(TrialSetup, Components, java.util.function.Function, java.util.function.Supplier)},
     * the source task scored with the trained network's own layer groups when given (a backbone
     * edited with inserted blocks has no other form).
     */
    static java.util.Map<String, TestScores> scoreEvaluations(TrialSetup setup, Components components,
            java.util.function.Function<Examples, float[][]> probabilities, java.util.function.Supplier<byte[]> trainedBackbone,
            java.util.List<dev.graft.spi.backbone.LayerGroup> trainedGroups) {
        java.util.Map<String, TestScores> scores = new java.util.LinkedHashMap<>();
        if (setup.evaluations().isEmpty()) {
            return scores;
        }
        long started = System.nanoTime();
        for (EvaluationSets.Scored set : setup.evaluations()) {
            float[][] p = set.underSourceHead() && trainedGroups != null ? sourceTask(setup, components, trainedGroups, set.examples())
                    : set.underSourceHead() ? sourceTask(setup, components, trainedBackbone.get(), set.examples())
                    : probabilities.apply(set.examples());
            scores.put(set.name(), Scoring.score(p, set.examples().labels(), set.examples().classNames()));
        }
        setup.provenance().time("evaluate", (System.nanoTime() - started) / 1e9);
        return scores;
    }

    /** The source task's class probabilities: the trained network's groups under the pretrained source head. */
    private static float[][] sourceTask(TrialSetup setup, Components components, java.util.List<dev.graft.spi.backbone.LayerGroup> groups,
            Examples source) {
        var manager = setup.model().getNDManager();
        Pretrained pretrained = setup.pretrained();
        ai.djl.ndarray.types.Shape features = setup.built().featureShape();
        ai.djl.nn.Block head = pretrained.newSourceHead(components, features);
        BuiltBackbone.initialize(head, manager, new ai.djl.ndarray.types.Shape(1).addAll(features));
        GroupedNetwork.loadBlock(manager, head, pretrained.sourceHead());
        GroupedNetwork network = new GroupedNetwork(groups, head);
        return Inference.probabilities(network, manager, source, setup.built().backbone().inputSpec(), setup.inferenceBatch());
    }

    /** The source task's class probabilities: the trained backbone, rebuilt, under the pretrained source head. */
    private static float[][] sourceTask(TrialSetup setup, Components components, byte[] backbone, Examples source) {
        var manager = setup.model().getNDManager();
        Pretrained pretrained = setup.pretrained();
        BuiltBackbone built = BuiltBackbone.build(components, setup.spec().backbone().architecture(), source, manager, backbone);
        GroupedNetwork network = built.withHead(pretrained.newSourceHead(components, built.featureShape()), manager);
        GroupedNetwork.loadBlock(manager, network.head(), pretrained.sourceHead());
        return Inference.probabilities(network, manager, source, built.backbone().inputSpec(), setup.inferenceBatch());
    }
}
