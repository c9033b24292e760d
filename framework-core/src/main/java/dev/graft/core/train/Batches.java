package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.GraftException;
import dev.graft.spi.augment.ImageBatch;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.LabeledImages;
import java.nio.FloatBuffer;

/** Builds whole-array batches: one copy on the heap, one native array per batch. */
public final class Batches {
    private Batches() {}

    /**
     * @param data a dataset
     * @param indices the examples of the batch, in order
     * @return the batch, sharing nothing with {@code data}
     */
    public static ImageBatch gather(LabeledImages data, int[] indices) {
        int stride = data.imageSize();
        float[] pixels = new float[indices.length * stride];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data.pixels(), indices[i] * stride, pixels, i * stride, stride);
            labels[i] = data.labels()[indices[i]];
        }
        return new ImageBatch(pixels, labels, data.channels(), data.height(), data.width());
    }

    /**
     * @param start first index
     * @param end one past the last index
     * @return {@code start, start+1, ..., end-1}
     */
    public static int[] range(int start, int end) {
        int[] indices = new int[end - start];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = start + i;
        }
        return indices;
    }

    /**
     * Normalises a batch with the backbone's statistics and copies it into one native array.
     *
     * @param manager the batch's own manager, closed after the batch
     * @param batch the batch, values in [0, 1]
     * @param spec the backbone's input spec
     * @return an NCHW float32 array
     */
    public static NDArray toArray(NDManager manager, ImageBatch batch, InputSpec spec) {
        checkShape(spec, batch.channels(), batch.height(), batch.width());
        float[] mean = spec.mean();
        float[] std = spec.std();
        int plane = batch.height() * batch.width();
        float[] out = new float[batch.pixels().length];
        float[] in = batch.pixels();
        for (int offset = 0, c = 0; offset < out.length; offset += plane, c = (c + 1) % batch.channels()) {
            float m = mean[c];
            float s = 1f / std[c];
            for (int i = offset; i < offset + plane; i++) {
                out[i] = (in[i] - m) * s;
            }
        }
        return manager.create(FloatBuffer.wrap(out), new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
    }

    /**
     * @param manager the batch's manager
     * @param labels class ids
     * @return a float32 vector of the labels, as DJL's sparse cross-entropy expects
     */
    public static NDArray labels(NDManager manager, int[] labels) {
        float[] values = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i];
        }
        return manager.create(values);
    }

    /**
     * @param spec a backbone's input spec
     * @param channels the data's channels
     * @param height the data's height
     * @param width the data's width
     * @throws GraftException when the data does not fit the backbone
     */
    public static void checkShape(InputSpec spec, int channels, int height, int width) {
        boolean fits = spec.channels() == channels
                && (spec.height() == 0 || spec.height() == height)
                && (spec.width() == 0 || spec.width() == width);
        if (!fits) {
            throw new GraftException("the data's images are " + channels + "x" + height + "x" + width
                    + " but the backbone expects " + spec);
        }
    }
}
