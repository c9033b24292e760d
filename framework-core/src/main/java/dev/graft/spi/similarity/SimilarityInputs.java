package dev.graft.spi.similarity;

import dev.graft.spi.data.FeatureTable;
import java.util.Optional;

/**
 * What the core hands a metric. Only what the metric {@linkplain SimilarityMetric#requires()
 * requires} is present.
 *
 * @param sourceFeatures backbone features of source examples
 * @param targetFeatures backbone features of target examples
 */
public record SimilarityInputs(Optional<FeatureTable> sourceFeatures, Optional<FeatureTable> targetFeatures) {}
