package dev.graft.core.trial;

import dev.graft.core.eval.TestScores;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.head.Head;
import java.util.List;

/**
 * A feature head (a Tribuo classifier, say) fitted by its own library on the frozen backbone's
 * features, once: the trial records one "epoch" with the fit's time.
 */
record FeatureHeadPlan(Head.FeatureClassifier classifier, FeatureExtraction extraction, Components components) implements TrainingPlan {
    @Override
    public Trained train(TrialSetup setup) {
        CachedFeatures features = extraction.features(setup);
        long fitStarted = System.nanoTime();
        Head.FeatureClassifier.Fitted fitted = classifier.fit(features.train(), features.validation(), setup.spec().seed());
        double fitSeconds = (System.nanoTime() - fitStarted) / 1e9;
        setup.provenance().time("fit", fitSeconds);
        setup.listener().epochFinished(new EpochMetrics(1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, fitSeconds, List.of()));
        TestScores test = TrainingPlan.scoreTest(setup, () -> fitted.predictProbabilities(features.test()));
        return new Trained(test, 1, TrainingPlan.scoreEvaluations(setup, components,
                set -> fitted.predictProbabilities(extraction.featuresOf(setup, set)), () -> setup.pretrained().weights()));
    }
}
