package dev.graft.spi.backbone;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.data.Batch;
import dev.graft.spi.data.ExampleFormat;

/**
 * The input a backbone was built (or pretrained) for, and how a batch of the data becomes the
 * arrays it reads: images are normalised with the backbone's statistics and resized ({@code
 * dev.graft.image.ImageInputSpec}), token sequences become an array of token ids. The core calls
 * {@link #check} before a trial trains, {@link #prepare} for each batch off the training thread,
 * and {@link Prepared#toNDList} on it.
 */
public interface InputSpec {

    /**
     * @param data the format of the data to be fed
     * @throws dev.graft.spi.GraftException saying why this backbone cannot read such data
     */
    void check(ExampleFormat data);

    /**
     * @param data the format of the data fed (already {@linkplain #check checked})
     * @return the shape of a batch of one example as the network receives it (to initialise it)
     */
    Shape networkInput(ExampleFormat data);

    /**
     * The heap half of making a batch's input, which may run off the training thread: everything
     * but the native arrays.
     *
     * @param batch a batch of the data (possibly augmented)
     * @return the batch ready to be copied into native arrays
     */
    Prepared prepare(Batch batch);

    /** A batch made ready on the heap. */
    @FunctionalInterface
    interface Prepared {
        /**
         * @param manager the batch's own manager, closed after the batch
         * @return the network's inputs
         */
        NDList toNDList(NDManager manager);
    }
}
