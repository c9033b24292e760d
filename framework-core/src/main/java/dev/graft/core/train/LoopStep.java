package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.graft.spi.augment.ImageBatch;

/**
 * One gradient step as the loop's hooks see it.
 *
 * @param scope the step's native scope: arrays made here are freed after the step
 * @param batch the (augmented) batch
 * @param x the normalised input array
 * @param y the labels
 * @param epoch the epoch, from 0
 * @param batchIndex the batch within the epoch, from 0
 * @param step steps taken before this one, from 0
 */
record LoopStep(NDManager scope, ImageBatch batch, NDArray x, NDArray y, int epoch, int batchIndex, long step) {}
