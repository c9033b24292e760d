package dev.graft.spi.augment;

import static java.util.Objects.requireNonNull;

/**
 * A batch of images on the Java heap, NCHW, values in [0, 1] (before the backbone's
 * normalisation), with integer labels.
 *
 * @param pixels {@code size * channels * height * width} values
 * @param labels one class id per image
 * @param channels channels
 * @param height height
 * @param width width
 */
public record ImageBatch(float[] pixels, int[] labels, int channels, int height, int width) {
    public ImageBatch {
        requireNonNull(pixels, "pixels is null");
        requireNonNull(labels, "labels is null");
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixels do not match " + labels.length + " x " + channels + "x"
                    + height + "x" + width);
        }
    }

    /** @return the number of images */
    public int size() {
        return labels.length;
    }

    /** @return values per image */
    public int imageSize() {
        return channels * height * width;
    }
}
