package dev.graft.spi.backbone;

import java.util.Arrays;

/**
 * The input a backbone was built (or pretrained) for, and what the core's input pipeline does to
 * [0, 1] pixel values before they reach it: grayscale images are replicated to {@code channels}
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
public record InputSpec(int channels, int height, int width, float[] mean, float[] std, boolean bgr) {

    /**
     * A spec in the image's channel order.
     *
     * @param channels expected channels
     * @param height expected height, or 0 when any height works
     * @param width expected width, or 0 when any width works
     * @param mean per-channel mean subtracted
     * @param std per-channel divisor
     */
    public InputSpec(int channels, int height, int width, float[] mean, float[] std) {
        this(channels, height, width, mean, std, false);
    }

    public InputSpec {
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
    public static InputSpec anySize(int channels, float mean, float std) {
        float[] m = new float[channels];
        float[] s = new float[channels];
        Arrays.fill(m, mean);
        Arrays.fill(s, std);
        return new InputSpec(channels, 0, 0, m, s);
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
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputSpec other
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
        return "InputSpec[" + channels + "x" + (height == 0 ? "*" : height) + "x" + (width == 0 ? "*" : width)
                + ", mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + (bgr ? ", BGR" : "") + "]";
    }
}
