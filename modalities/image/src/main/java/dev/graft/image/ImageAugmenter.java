package dev.graft.image;

import dev.graft.spi.GraftException;
import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.data.Batch;
import java.util.random.RandomGenerator;

/**
 * An augmenter of images: refuses, with a message, a batch of another modality.
 */
@FunctionalInterface
public interface ImageAugmenter extends Augmenter {

    /**
     * @param batch the images, values in [0, 1]
     * @param random the trial's seeded random source
     * @return the augmented images, same shape
     */
    ImageBatch apply(ImageBatch batch, RandomGenerator random);

    @Override
    default Batch apply(Batch batch, RandomGenerator random) {
        if (!(batch instanceof ImageBatch images)) {
            throw new GraftException("an image augmenter cannot augment " + batch.getClass().getSimpleName()
                    + "; use an augmenter of the data's modality, or none");
        }
        return apply(images, random);
    }
}
