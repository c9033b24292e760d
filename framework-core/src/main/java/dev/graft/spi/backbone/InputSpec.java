package dev.graft.spi.backbone;

import java.util.Arrays;

/**
 * The input a backbone was built (or pretrained) for, and the normalisation the core applies
 * to [0, 1] pixel values before they reach it: {@code (x - mean[c]) / std[c]}.
 *
 * @param channels expected channels
 * @param height expected height, or 0 when any height works
 * @param width expected width, or 0 when any width works
 * @param mean per-channel mean subtracted (length {@code channels})
 * @param std per-channel divisor (length {@code channels})
 */
public record InputSpec(int channels, int height, int width, float[] mean, float[] std) {
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
                && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * channels + height) + width;
    }

    @Override
    public String toString() {
        return "InputSpec[" + channels + "x" + (height == 0 ? "*" : height) + "x" + (width == 0 ? "*" : width)
                + ", mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
