package dev.graft.core.data;

import dev.graft.spi.data.Examples;

/**
 * The labelled examples a trial gets: training and validation, disjoint.
 *
 * @param train examples the network trains on
 * @param validation examples for early stopping and best-epoch selection; may be empty
 * @param trainIndices positions of {@code train}'s examples in the pool they were drawn from, or
 *     null when not drawn from one
 * @param validationIndices positions of {@code validation}'s examples in that pool, or null
 */
public record LabelledSplit(Examples train, Examples validation, int[] trainIndices, int[] validationIndices) {

    /**
     * A split not drawn from a pool.
     *
     * @param train examples the network trains on
     * @param validation examples for early stopping and best-epoch selection; may be empty
     */
    public LabelledSplit(Examples train, Examples validation) {
        this(train, validation, null, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelledSplit that && train.equals(that.train) && validation.equals(that.validation)
                && java.util.Arrays.equals(trainIndices, that.trainIndices) && java.util.Arrays.equals(validationIndices, that.validationIndices);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(train, validation, java.util.Arrays.hashCode(trainIndices), java.util.Arrays.hashCode(validationIndices));
    }

    @Override
    public String toString() {
        return "LabelledSplit[train=" + train + ", validation=" + validation + "]";
    }
}
