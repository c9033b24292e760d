package dev.graft.spi.similarity;

/** The inputs a metric can ask for. */
public enum SimilarityInput {
    /** Backbone features of source-task examples, with source labels. */
    SOURCE_FEATURES,
    /** Backbone features of target-task training examples, with target labels. */
    TARGET_FEATURES
}
