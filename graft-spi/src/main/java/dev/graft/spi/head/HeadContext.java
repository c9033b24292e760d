package dev.graft.spi.head;

import ai.djl.ndarray.types.Shape;

/**
 * What a head factory may assume.
 *
 * @param featureShape the backbone's output shape for one example, without the batch axis
 * @param numClasses the number of target classes; the head outputs one logit per class
 * @param seed the trial's seed, for heads with their own randomness
 */
public record HeadContext(Shape featureShape, int numClasses, long seed) {
    public HeadContext {
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classification head needs at least 2 classes, got " + numClasses);
        }
    }
}
