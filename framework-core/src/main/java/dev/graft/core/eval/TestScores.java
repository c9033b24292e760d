package dev.graft.core.eval;

import java.util.List;

/**
 * A trial's scores on the test split.
 *
 * @param accuracy share of test examples classified correctly
 * @param macroF1 the unweighted mean of per-class F1
 * @param confusion counts, {@code confusion[true][predicted]}, classes in {@code classNames} order
 * @param classNames the class names
 */
public record TestScores(double accuracy, double macroF1, int[][] confusion, List<String> classNames) {
    public TestScores {
        classNames = List.copyOf(classNames);
    }
}
