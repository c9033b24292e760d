package dev.graft.spi.similarity;

import java.util.Set;

/**
 * Scores source/target relatedness or a backbone's transferability, before training.
 *
 * <p>Called once per (backbone, source) before the trials run. Compute in float64 where the
 * formula needs it. Inputs the metric cannot score (too few rows, one class) are user errors:
 * throw {@link dev.graft.spi.GraftException} saying why; the run records the failure and goes
 * on.
 */
public interface SimilarityMetric {

    /** @return the inputs {@link #score} reads */
    Set<SimilarityInput> requires();

    /**
     * @return {@code true} when a higher score predicts better transfer (a similarity or
     *     transferability), {@code false} when lower does (a distance)
     */
    boolean higherIsBetter();

    /**
     * @param inputs the inputs declared by {@link #requires()}
     * @return the score
     */
    double score(SimilarityInputs inputs);
}
