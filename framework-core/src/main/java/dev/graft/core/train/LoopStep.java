package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.graft.spi.data.Batch;

/**
 * One gradient step as the loop's hooks see it.
 *
 * @param scope the step's native scope: arrays made here are freed after the step
 * @param batch the (augmented) batch
 * @param x the network's inputs (normalised images, token ids, ...)
 * @param epoch the epoch, from 0
 * @param batchIndex the batch within the epoch, from 0
 * @param step steps taken before this one, from 0
 */
record LoopStep(NDManager scope, Batch batch, NDList x, int epoch, int batchIndex, long step) {
    /**
     * @return the batch's labels as a float array in the step's scope, made when a hook asks
     *     (the loss gathers by the labels themselves, so most steps never need it)
     */
    NDArray y() {
        return Batches.labels(scope, batch.labels());
    }
}
