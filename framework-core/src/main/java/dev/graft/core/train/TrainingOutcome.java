package dev.graft.core.train;

import java.util.List;

/**
 * The result of training; the network holds the weights of {@code bestEpoch}.
 *
 * @param epochs per-epoch metrics
 * @param bestEpoch the epoch (from 1) whose weights were kept: best validation accuracy, or the
 *     last epoch without a validation split
 * @param stoppedEarly whether early stopping ended training
 */
public record TrainingOutcome(List<EpochMetrics> epochs, int bestEpoch, boolean stoppedEarly) {
    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }
}
