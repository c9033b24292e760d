package dev.graft.plugins.similarity;

import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.similarity.SimilarityInput;
import dev.graft.spi.similarity.SimilarityInputs;
import dev.graft.spi.similarity.SimilarityMetric;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * A metric given by a formula over the inputs it declares, computed in float64.
 *
 * @param requires the inputs the formula reads
 * @param higherIsBetter whether a higher score predicts better transfer
 * @param formula the score
 */
record FormulaMetric(Set<SimilarityInput> requires, boolean higherIsBetter, ToDoubleFunction<SimilarityInputs> formula)
        implements SimilarityMetric {

    /** A formula of labelled rows: features, labels, number of classes. */
    @FunctionalInterface
    interface Labelled {
        double apply(double[][] rows, int[] labels, int numClasses);
    }

    /** @return a transferability score of the target features and labels */
    static FormulaMetric ofTargetFeatures(boolean higherIsBetter, Labelled formula) {
        return new FormulaMetric(Set.of(SimilarityInput.TARGET_FEATURES), higherIsBetter,
                inputs -> labelled(inputs.targetFeatures().orElseThrow(), formula));
    }

    /** @return a score of the source head's predictions on the target examples and their labels */
    static FormulaMetric ofSourcePredictions(boolean higherIsBetter, Labelled formula) {
        return new FormulaMetric(Set.of(SimilarityInput.SOURCE_PREDICTIONS), higherIsBetter,
                inputs -> labelled(inputs.sourcePredictions().orElseThrow(), formula));
    }

    /** @return a comparison of source features with target features */
    static FormulaMetric ofSourceAndTarget(boolean higherIsBetter, BiFunction<double[][], double[][], Double> formula) {
        return new FormulaMetric(Set.of(SimilarityInput.SOURCE_FEATURES, SimilarityInput.TARGET_FEATURES), higherIsBetter,
                inputs -> formula.apply(inputs.sourceFeatures().orElseThrow().asDoubleMatrix(),
                        inputs.targetFeatures().orElseThrow().asDoubleMatrix()));
    }

    private static double labelled(FeatureTable table, Labelled formula) {
        return formula.apply(table.asDoubleMatrix(), table.labels(), table.numClasses());
    }

    @Override
    public double score(SimilarityInputs inputs) {
        return formula.applyAsDouble(inputs);
    }
}
