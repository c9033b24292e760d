package dev.graft.core.data;

import dev.graft.spi.data.LabeledImages;

/**
 * The labelled examples a trial gets: training and validation, disjoint.
 *
 * @param train examples the network trains on
 * @param validation examples for early stopping and best-epoch selection; may be empty
 * @param trainIndices positions of {@code train}'s examples in the pool they were drawn from, or
 *     null when not drawn from one
 * @param validationIndices positions of {@code validation}'s examples in that pool, or null
 */
public record LabelledSplit(LabeledImages train, LabeledImages validation, int[] trainIndices, int[] validationIndices) {

    /**
     * A split not drawn from a pool.
     *
     * @param train examples the network trains on
     * @param validation examples for early stopping and best-epoch selection; may be empty
     */
    public LabelledSplit(LabeledImages train, LabeledImages validation) {
        this(train, validation, null, null);
    }
}
