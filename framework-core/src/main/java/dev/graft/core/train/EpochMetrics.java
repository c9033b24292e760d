package dev.graft.core.train;

import java.util.List;

/**
 * What one epoch did.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss mean training loss over the epoch's batches
 * @param trainAccuracy training accuracy over the epoch (augmented inputs, training mode)
 * @param validationAccuracy accuracy on the validation split, NaN without one
 * @param validationLoss mean cross-entropy on the validation split, NaN without one
 * @param seconds wall time of the epoch including validation
 * @param trainingGroups the names of the backbone groups that trained
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationAccuracy, double validationLoss, double seconds,
        List<String> trainingGroups) {
    public EpochMetrics {
        trainingGroups = List.copyOf(trainingGroups);
    }
}
