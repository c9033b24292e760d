package dev.graft.spi.train;

import ai.djl.ndarray.NDArray;

/**
 * How one parameter moves given its gradient: the arithmetic of an optimiser, without its
 * bookkeeping. Graft owns the bookkeeping: it counts each parameter's own updates (so a group
 * unfrozen mid-training gets step 1, as in PyTorch), keeps the state arrays and saves them in
 * checkpoints, and works out each parameter's learning rate (base rate × schedule × the group's
 * multiplier).
 */
public interface UpdateRule {
    /** @return the base learning rate, which the schedule and the freeze schedule's multipliers scale */
    float learningRate();

    /** @return how many state arrays each parameter needs (Adam: 2), each starting as zeros shaped like the parameter */
    int stateArrays();

    /**
     * Updates {@code weight} in place.
     *
     * @param weight the parameter
     * @param gradient its gradient (do not keep it)
     * @param state this parameter's state arrays, updated in place
     * @param learningRate this parameter's rate for this step
     * @param weightDecay whether to apply the rule's own weight decay (false when a regulariser
     *     such as L2-SP replaces weight decay)
     * @param step this parameter's update count, from 1
     */
    void update(NDArray weight, NDArray gradient, NDArray[] state, float learningRate, boolean weightDecay, int step);
}
