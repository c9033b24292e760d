package dev.graft.core.train;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.regularize.Regularizer;

/**
 * A transfer trial's regulariser and what it reads beyond the trained network.
 *
 * @param regularizer the regulariser
 * @param pretrainedSource the pretrained backbone with its source head, frozen, for regularisers
 *     that need {@link Regularizer.Need#SOURCE_OUTPUTS}; null otherwise
 */
public record Regularization(Regularizer regularizer, GroupedNetwork pretrainedSource) {
    public Regularization {
        requireNonNull(regularizer, "regularizer is null");
        if (regularizer.needs().contains(Regularizer.Need.SOURCE_OUTPUTS) && pretrainedSource == null) {
            throw new IllegalArgumentException("the regulariser needs the pretrained source network");
        }
    }
}
