package dev.graft.image;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.Batch;
import dev.graft.spi.data.ExampleFormat;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The input an image backbone was built (or pretrained) for, and what is done to [0, 1] pixel
 * values before they reach it: grayscale images are replicated to {@code channels}
 * channels when the backbone wants more, images of another size are resized (bilinear) to
 * {@code height x width} when those are given, the channel order is reversed when {@code bgr}
 * (Caffe-style weights, as Keras' VGG and ResNet), and each channel is normalised {@code (x -
 * mean[c]) / std[c]} (channels in the network's order).
 *
 * @param channels expected channels
 * @param height expected height, or 0 when any height works
 * @param width expected width, or 0 when any width works
 * @param mean per-channel mean subtracted (length {@code channels})
 * @param std per-channel divisor (length {@code channels})
 * @param bgr whether the network's channel 0 is the image's last (blue first)
 */
public record ImageInputSpec(int channels, int height, int width, float[] mean, float[] std, boolean bgr) implements InputSpec {

    /**
     * A spec in the image's channel order.
     *
     * @param channels expected channels
     * @param height expected height, or 0 when any height works
     * @param width expected width, or 0 when any width works
     * @param mean per-channel mean subtracted
     * @param std per-channel divisor
     */
    public ImageInputSpec(int channels, int height, int width, float[] mean, float[] std) {
        this(channels, height, width, mean, std, false);
    }

    public ImageInputSpec {
        mean = mean.clone();
        std = std.clone();
        if (mean.length != channels || std.length != channels) {
            throw new IllegalArgumentException("mean and std need one value per channel (" + channels + ")");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive: " + Arrays.toString(std));
            }
        }
    }

    /**
     * @param channels channels
     * @param mean the same mean for every channel
     * @param std the same std for every channel
     * @return a spec accepting any height and width
     */
    public static ImageInputSpec anySize(int channels, float mean, float std) {
        float[] m = new float[channels];
        float[] s = new float[channels];
        Arrays.fill(m, mean);
        Arrays.fill(s, std);
        return new ImageInputSpec(channels, 0, 0, m, s);
    }

    /**
     * @param channels the data's channels
     * @param height the data's height
     * @param width the data's width
     * @return whether the pipeline can feed such images: channels equal (or 1, replicated), any
     *     size (resized when the spec fixes one)
     */
    public boolean accepts(int channels, int height, int width) {
        return (channels == this.channels || channels == 1) && height > 0 && width > 0;
    }

    /** @return the height images reach the network at, given the data's */
    public int networkHeight(int dataHeight) {
        return height == 0 ? dataHeight : height;
    }

    /** @return the width images reach the network at, given the data's */
    public int networkWidth(int dataWidth) {
        return width == 0 ? dataWidth : width;
    }

    @Override
    public void check(ExampleFormat data) {
        if (!(data instanceof ImageFormat image)) {
            throw new GraftException("the backbone reads images (" + this + ") but the data are " + data.describe());
        }
        if (!accepts(image.channels(), image.height(), image.width())) {
            throw new GraftException("the data's images are " + image.channels() + "x" + image.height() + "x" + image.width()
                    + " but the backbone expects " + this);
        }
    }

    @Override
    public Shape networkInput(ExampleFormat data) {
        ImageFormat image = (ImageFormat) data;
        return new Shape(1, channels, networkHeight(image.height()), networkWidth(image.width()));
    }

    @Override
    public Prepared prepare(Batch batch) {
        if (!(batch instanceof ImageBatch images)) {
            throw new GraftException("the backbone reads images but was given a batch of " + batch.getClass().getSimpleName());
        }
        float[] normalized = normalize(images);
        return manager -> new NDList(toArray(manager, normalized, images));
    }

    /**
     * Normalises a batch with this spec's statistics and copies it into one native array.
     *
     * @param manager the batch's own manager, closed after the batch
     * @param batch the batch, values in [0, 1]
     * @return an NCHW float32 array at the network's input size
     */
    public NDArray toArray(NDManager manager, ImageBatch batch) {
        return toArray(manager, normalize(batch), batch);
    }

    /**
     * The native half of {@link #toArray(NDManager, ImageBatch)}: copies pixels already
     * normalised by {@link #normalize} and resizes them to the network's input size.
     *
     * @param manager the array's manager
     * @param normalized the batch normalised by {@link #normalize(ImageBatch)}
     * @param batch the batch it came from (its size and image shape)
     * @return an (n, channels, height, width) float32 array at the network's input size
     */
    public NDArray toArray(NDManager manager, float[] normalized, ImageBatch batch) {
        NDArray array = manager.create(FloatBuffer.wrap(normalized), new Shape(batch.size(), channels, batch.height(), batch.width()));
        int h = networkHeight(batch.height());
        int w = networkWidth(batch.width());
        if (h != batch.height() || w != batch.width()) {
            // bilinear, on NHWC as DJL's image utilities expect
            array = NDImageUtils.resize(array.transpose(0, 2, 3, 1), w, h, Image.Interpolation.BILINEAR).transpose(0, 3, 1, 2);
        }
        return array;
    }

    /**
     * The heap half of {@link #toArray(NDManager, ImageBatch)}, which may run off the training
     * thread: this spec's channel order, mean and scale applied to [0, 1] pixels, grayscale
     * replicated to its channels.
     *
     * @param batch images in [0, 1]
     * @return the normalised pixels, (n, spec channels, height, width) row-major
     */
    public float[] normalize(ImageBatch batch) {
        check(new ImageFormat(batch.channels(), batch.height(), batch.width()));
        int plane = batch.height() * batch.width();
        float[] out = new float[batch.size() * channels * plane];
        float[] in = batch.pixels();
        for (int n = 0; n < batch.size(); n++) {
            for (int c = 0; c < channels; c++) {
                // the network's channel c: the image's own, reversed for BGR, or its only one
                int source = batch.channels() == 1 ? 0 : bgr ? channels - 1 - c : c;
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

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageInputSpec other
                && channels == other.channels
                && height == other.height
                && width == other.width
                && Arrays.equals(mean, other.mean)
                && Arrays.equals(std, other.std)
                && bgr == other.bgr;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * channels + height) + width;
    }

    @Override
    public String toString() {
        return "ImageInputSpec[" + channels + "x" + (height == 0 ? "*" : height) + "x" + (width == 0 ? "*" : width)
                + ", mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + (bgr ? ", BGR" : "") + "]";
    }
}
