package dev.graft.plugins.similarity;

import dev.graft.spi.similarity.SimilarityConfig;

/** Configuration of a metric without parameters (see {@link Metrics}). */
public record HScoreConfig() implements SimilarityConfig {}
