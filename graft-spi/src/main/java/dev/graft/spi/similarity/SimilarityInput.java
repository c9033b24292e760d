package dev.graft.spi.similarity;

/** The inputs a metric can ask for. */
public enum SimilarityInput {
    /** Backbone features of source-task examples, with source labels. */
    SOURCE_FEATURES,
    /** Backbone features of target-task training examples, with target labels. */
    TARGET_FEATURES,
    /**
     * The pretrained source head's class probabilities on the same target examples (rows aligned
     * with {@link #TARGET_FEATURES}, labels the target labels); needs a backbone pretrained by
     * Graft, whose source head is cached with it.
     */
    SOURCE_PREDICTIONS
}
