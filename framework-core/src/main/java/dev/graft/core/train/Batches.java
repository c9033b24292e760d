package dev.graft.core.train;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
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
     * Fisher-Yates in place, drawing {@code nextInt(i + 1)} for i from the end down.
     *
     * @param values the array to shuffle
     * @param random the random source
     */
    public static void shuffle(int[] values, java.util.random.RandomGenerator random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
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
        return toArray(manager, normalize(batch, spec), batch, spec);
    }

    /**
     * The native half of {@link #toArray(NDManager, ImageBatch, InputSpec)}: copies pixels
     * already normalised by {@link #normalize} and resizes them to the network's input size.
     *
     * @param manager the array's manager
     * @param normalized the batch normalised by {@link #normalize(ImageBatch, InputSpec)}
     * @param batch the batch it came from (its size and image shape)
     * @param spec the backbone's input spec
     * @return an (n, channels, height, width) float32 array at the network's input size
     */
    public static NDArray toArray(NDManager manager, float[] normalized, ImageBatch batch, InputSpec spec) {
        NDArray array = manager.create(FloatBuffer.wrap(normalized), new Shape(batch.size(), spec.channels(), batch.height(), batch.width()));
        int height = spec.networkHeight(batch.height());
        int width = spec.networkWidth(batch.width());
        if (height != batch.height() || width != batch.width()) {
            // bilinear, on NHWC as DJL's image utilities expect
            array = NDImageUtils.resize(array.transpose(0, 2, 3, 1), width, height, Image.Interpolation.BILINEAR).transpose(0, 3, 1, 2);
        }
        return array;
    }

    /**
     * The heap half of {@link #toArray(NDManager, ImageBatch, InputSpec)}, which may run off the
     * training thread: the backbone's channel order, mean and scale applied to [0, 1] pixels,
     * grayscale replicated to the backbone's channels.
     *
     * @param batch images in [0, 1]
     * @param spec the backbone's input spec
     * @return the normalised pixels, (n, spec channels, height, width) row-major
     */
    public static float[] normalize(ImageBatch batch, InputSpec spec) {
        checkShape(spec, batch.channels(), batch.height(), batch.width());
        float[] mean = spec.mean();
        float[] std = spec.std();
        int channels = spec.channels();
        int plane = batch.height() * batch.width();
        float[] out = new float[batch.size() * channels * plane];
        float[] in = batch.pixels();
        for (int n = 0; n < batch.size(); n++) {
            for (int c = 0; c < channels; c++) {
                // the network's channel c: the image's own, reversed for BGR, or its only one
                int source = batch.channels() == 1 ? 0 : spec.bgr() ? channels - 1 - c : c;
                int from = (n * batch.channels() + source) * plane;
                int to = (n * channels + c) * plane;
                float m = mean[c];
                float s = 1f / std[c];
                for (int i = 0; i < plane; i++) {
                    out[to + i] = (in[from + i] - m) * s;
                }
            }
        }
        return out;
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
        if (!spec.accepts(channels, height, width)) {
            throw new GraftException("the data's images are " + channels + "x" + height + "x" + width
                    + " but the backbone expects " + spec);
        }
    }
}
