package dev.graft.image;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.data.Batch;

/**
 * A batch of images on the Java heap, NCHW, values in [0, 1] (before the backbone's
 * normalisation), with integer labels and, after a label-mixing augmenter (mixup, CutMix), a
 * second label per image with the share of the first: image i then counts as {@code
 * mixWeights[i]} of class {@code labels[i]} and {@code 1 - mixWeights[i]} of class {@code
 * mixedLabels[i]} in the loss.
 *
 * @param pixels {@code size * channels * height * width} values
 * @param labels one class id per image (the dominant one after mixing)
 * @param channels channels
 * @param height height
 * @param width width
 * @param mixedLabels the second class of each image, or null when not mixed
 * @param mixWeights the share of {@code labels[i]} in each image's target, or null when not mixed
 */
public record ImageBatch(float[] pixels, int[] labels, int channels, int height, int width, int[] mixedLabels, float[] mixWeights)
        implements Batch {

    /**
     * An unmixed batch.
     *
     * @param pixels {@code size * channels * height * width} values
     * @param labels one class id per image
     * @param channels channels
     * @param height height
     * @param width width
     */
    public ImageBatch(float[] pixels, int[] labels, int channels, int height, int width) {
        this(pixels, labels, channels, height, width, null, null);
    }

    public ImageBatch {
        requireNonNull(pixels, "pixels is null");
        requireNonNull(labels, "labels is null");
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixels do not match " + labels.length + " x " + channels + "x"
                    + height + "x" + width);
        }
        Batch.checkMixing(labels.length, mixedLabels, mixWeights);
    }

    /** @return values per image */
    public int imageSize() {
        return channels * height * width;
    }

    /**
     * @param newPixels transformed pixels of the same shape
     * @return this batch with other pixels, its labels (and mixing) kept
     */
    public ImageBatch withPixels(float[] newPixels) {
        return new ImageBatch(newPixels, labels, channels, height, width, mixedLabels, mixWeights);
    }
}
