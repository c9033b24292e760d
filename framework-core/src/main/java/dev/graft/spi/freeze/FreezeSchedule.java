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
}
