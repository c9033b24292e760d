package dev.graft.spi.freeze;

import java.util.List;

/**
 * Decides, for each epoch, which backbone layer groups train. The head always trains.
 *
 * <p>Called by the training loop at the start of every epoch. It must be a pure function of
 * its arguments: a resumed trial asks again and must get the same answer.
 */
public interface FreezeSchedule {

    /**
     * @param groupNames the backbone's layer groups, from input (index 0) to output
     * @param position the epoch about to start
     * @return one state per group, same order as {@code groupNames}
     */
    List<GroupState> plan(List<String> groupNames, TrainingPosition position);

    /**
     * The head's learning rate for the epoch, as a multiple of the base rate. Called with
     * {@link #plan} at the start of every epoch.
     *
     * @param position the epoch about to start
     * @return the multiplier; 1 unless the recipe lowers the whole model's rate (e.g. Keras'
     *     second phase)
     */
    default double headLrMultiplier(TrainingPosition position) {
        return 1.0;
    }
}
