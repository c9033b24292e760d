package dev.graft.plugins.similarity;

import dev.graft.spi.similarity.SimilarityConfig;

/** Configuration of {@code linear-cka}: no parameters. */
public record LinearCkaConfig() implements SimilarityConfig {}
