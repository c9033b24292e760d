package dev.graft.spi.similarity;

import dev.graft.spi.data.FeatureTable;
import java.util.Optional;

/**
 * What the core hands a metric. Only what the metric {@linkplain SimilarityMetric#requires()
 * requires} is present.
 *
 * @param sourceFeatures backbone features of source examples
 * @param targetFeatures backbone features of target examples
 * @param sourcePredictions source-head class probabilities on the target examples, one row per
 *     target example (columns: source classes; labels: the target labels)
 */
public record SimilarityInputs(Optional<FeatureTable> sourceFeatures, Optional<FeatureTable> targetFeatures,
        Optional<FeatureTable> sourcePredictions) {

    /**
     * Inputs without source predictions.
     *
     * @param sourceFeatures backbone features of source examples
     * @param targetFeatures backbone features of target examples
     */
    public SimilarityInputs(Optional<FeatureTable> sourceFeatures, Optional<FeatureTable> targetFeatures) {
        this(sourceFeatures, targetFeatures, Optional.empty());
    }
}
