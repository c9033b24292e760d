package dev.graft.spi.augment;

import dev.graft.spi.data.Batch;
import java.util.random.RandomGenerator;

/**
 * Transforms a training batch. An augmenter works on one modality's batches (an image augmenter
 * on {@code dev.graft.image.ImageBatch}) and throws {@link dev.graft.spi.GraftException} on
 * others, which fails the trial with its message.
 *
 * <p>Called once per training batch with the trial's random source. All randomness must come
 * from {@code random} so that a trial is reproducible from its seed. Implementations must not
 * modify the input batch (its arrays may be shared); return a new one, or the same instance
 * when nothing changes.
 */
public interface Augmenter {

    /**
     * @param batch the batch
     * @param random the trial's seeded random source
     * @return the augmented batch, of the same modality and size
     */
    Batch apply(Batch batch, RandomGenerator random);
}
