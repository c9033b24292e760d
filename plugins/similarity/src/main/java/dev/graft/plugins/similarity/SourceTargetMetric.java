package dev.graft.plugins.similarity;

import dev.graft.spi.similarity.SimilarityInput;
import dev.graft.spi.similarity.SimilarityInputs;
import dev.graft.spi.similarity.SimilarityMetric;
import java.util.Set;
import java.util.function.BiFunction;

/** A metric of source features against target features, computed in float64. */
record SourceTargetMetric(boolean higherIsBetter, BiFunction<double[][], double[][], Double> formula) implements SimilarityMetric {

    @Override
    public Set<SimilarityInput> requires() {
        return Set.of(SimilarityInput.SOURCE_FEATURES, SimilarityInput.TARGET_FEATURES);
    }

    @Override
    public double score(SimilarityInputs inputs) {
        return formula.apply(inputs.sourceFeatures().orElseThrow().asDoubleMatrix(), inputs.targetFeatures().orElseThrow().asDoubleMatrix());
    }
}
