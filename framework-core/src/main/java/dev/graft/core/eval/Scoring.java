package dev.graft.core.eval;

import dev.graft.core.train.NetworkTrainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.ConfusionMetrics;
import org.tribuo.classification.evaluation.LabelConfusionMatrix;
import org.tribuo.evaluation.metrics.EvaluationMetric;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.impl.ArrayExample;

/** Scores predicted class probabilities against true labels with Tribuo's evaluation. */
public final class Scoring {
    private Scoring() {}

    /**
     * @param probabilities one row of class probabilities per example
     * @param labels the true class ids
     * @param classNames class names (distinct), indexed by class id
     * @return accuracy, macro-F1 and the confusion matrix
     */
    public static TestScores score(float[][] probabilities, int[] labels, List<String> classNames) {
        if (probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("need one probability row per label, and at least one example");
        }
        MutableOutputInfo<Label> info = new LabelFactory().generateInfo();
        List<Label> classes = new ArrayList<>();
        for (String name : classNames) {
            Label label = new Label(name);
            classes.add(label);
            info.observe(label);
        }
        ImmutableOutputInfo<Label> domain = info.generateImmutableOutputInfo();
        List<Prediction<Label>> predictions = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            Map<String, Label> scores = new HashMap<>();
            for (int c = 0; c < classNames.size(); c++) {
                scores.put(classNames.get(c), new Label(classNames.get(c), probabilities[i][c]));
            }
            int predicted = NetworkTrainer.argMax(probabilities[i]);
            Label output = new Label(classNames.get(predicted), probabilities[i][predicted]);
            predictions.add(new Prediction<>(output, scores, 0, new ArrayExample<>(classes.get(labels[i])), true));
        }
        LabelConfusionMatrix matrix = new LabelConfusionMatrix(domain, predictions);
        double accuracy = ConfusionMetrics.accuracy(EvaluationMetric.Average.MICRO, matrix);
        double macroF1 = ConfusionMetrics.f1(MetricTarget.macroAverageTarget(), matrix);
        int[][] confusion = new int[classNames.size()][classNames.size()];
        for (int t = 0; t < classNames.size(); t++) {
            for (int p = 0; p < classNames.size(); p++) {
                confusion[t][p] = (int) Math.round(matrix.confusion(classes.get(p), classes.get(t)));
            }
        }
        return new TestScores(accuracy, macroF1, confusion, classNames);
    }
}
