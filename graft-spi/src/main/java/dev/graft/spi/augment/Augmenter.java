package dev.graft.spi.augment;

import java.util.random.RandomGenerator;

/**
 * Transforms a training batch.
 *
 * <p>Called once per training batch with the trial's random source. All randomness must come
 * from {@code random} so that a trial is reproducible from its seed. Implementations must not
 * modify the input batch (its arrays may be shared); return a new one, or the same instance
 * when nothing changes.
 */
public interface Augmenter {

    /**
     * @param batch the batch, values in [0, 1]
     * @param random the trial's seeded random source
     * @return the augmented batch, same shape
     */
    ImageBatch apply(ImageBatch batch, RandomGenerator random);
}
