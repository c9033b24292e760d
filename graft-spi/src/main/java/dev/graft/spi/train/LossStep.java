package dev.graft.spi.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * What a {@link TrainingHook} sees of one step inside the gradient tape, to add a term to the
 * loss. Arrays made with {@link #manager()} are freed after the step.
 */
public interface LossStep {
    /** @return the step's manager */
    NDManager manager();

    /** @return the network's logits for the batch, (batch, classes), recorded on the tape */
    NDArray logits();

    /** @return the batch's labels, (batch), as float32 class indices */
    NDArray labels();

    /** @return the epoch, from 0 */
    int epoch();

    /** @return steps taken before this one, from 0 */
    long step();
}
