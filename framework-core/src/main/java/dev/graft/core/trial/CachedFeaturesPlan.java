package dev.graft.core.trial;

import dev.graft.core.eval.TestScores;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.Inference;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.core.train.TrainingOutcome;
import dev.graft.core.data.FeatureVectors;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.head.Head;

/**
 * A network head trained by gradient steps on a frozen backbone's features, computed once per
 * backbone and dataset instead of in every batch: the backbone sees every image the same way in
 * every epoch, so the numbers are those of training through it.
 */
record CachedFeaturesPlan(Head.Network head, FeatureExtraction extraction, Components components) implements TrainingPlan {
    @Override
    public Trained train(TrialSetup setup) {
        CachedFeatures features = extraction.features(setup);
        var manager = setup.model().getNDManager();
        GroupedNetwork network = features.headNetwork(setup.built(), head.block(), manager);
        setup.model().setBlock(network);
        FeatureVectors train = features.asExamples(features.train());
        InputSpec identity = train.input();
        NetworkTrainer trainer = new NetworkTrainer(setup.spec().train(), setup.schedule(), null, identity, setup.spec().seed(),
                setup.firstNewGroup(), null).withHooks(setup.hooks());
        TrainingOutcome outcome = TrainingPlan.run(setup, trainer, train, features.asExamples(features.validation()));
        TestScores test = TrainingPlan.scoreTest(setup,
                () -> Inference.probabilities(network, manager, features.asExamples(features.test()), identity, setup.inferenceBatch()));
        // the backbone stayed frozen: the sets go through it once, and its weights are the pretrained ones
        return new Trained(test, outcome.bestEpoch(), TrainingPlan.scoreEvaluations(setup, components,
                set -> Inference.probabilities(network, manager, features.asExamples(extraction.featuresOf(setup, set)), identity,
                        setup.inferenceBatch()),
                () -> setup.pretrained().weights()));
    }
}
