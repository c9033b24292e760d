package dev.graft.core.train;

import java.util.List;

/**
 * The result of training; the network holds the weights of {@code bestEpoch}.
 *
 * @param epochs per-epoch metrics
 * @param bestEpoch the epoch (from 1) whose weights were kept: best validation accuracy, or the
 *     last epoch without a validation split
 * @param stoppedEarly whether early stopping ended training
 * @param times where the loop's time went (this call's epochs only, after a resumed checkpoint)
 * @param parameters how many parameter values trained and changed, over every epoch (a resumed
 *     trial's restored epochs included: its checkpoint holds what they trained)
 */
public record TrainingOutcome(List<EpochMetrics> epochs, int bestEpoch, boolean stoppedEarly, LoopTimes times, ParameterCounts parameters) {
    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }
}
