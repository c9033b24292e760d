package dev.graft.core.run;

import dev.graft.core.eval.Scoring;
import dev.graft.core.train.EpochMetrics;
import dev.graft.spi.head.Head;
import java.util.List;

/**
 * A feature head (a Tribuo classifier, say) fitted by its own library on the frozen backbone's
 * features, once: the trial records one "epoch" with the fit's time.
 */
record FeatureHeadPlan(Head.FeatureClassifier classifier, FeatureExtraction extraction) implements TrainingPlan {
    @Override
    public Trained train(TrialSetup setup) {
        CachedFeatures features = extraction.features(setup);
        long fitStarted = System.nanoTime();
        Head.FeatureClassifier.Fitted fitted = classifier.fit(features.train(), features.validation(), setup.spec().seed());
        setup.listener().epochFinished(new EpochMetrics(1, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                (System.nanoTime() - fitStarted) / 1e9, List.of()));
        return new Trained(Scoring.score(fitted.predictProbabilities(features.test()), setup.test().labels(), setup.test().classNames()), 1);
    }
}
