package dev.graft.image;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.data.Examples;
import java.util.Arrays;
import java.util.List;

/**
 * Images with integer labels, held on the Java heap in NCHW order with values in [0, 1]: the
 * {@link Examples} of the image modality.
 *
 * <p>Batches are built from this by copying whole slices into one native array, never one
 * native object per example. Treat the arrays as read-only: instances are shared between
 * trials.
 *
 * @param pixels {@code size * channels * height * width} values, NCHW
 * @param labels one class id per image, indexing {@code classNames}
 * @param channels image channels
 * @param height image height
 * @param width image width
 * @param classNames class names, indexed by label
 * @param checksum a content hash of the source files (provenance)
 * @param origin where the data came from, e.g. a directory, for provenance and messages
 */
public record LabeledImages(
        float[] pixels,
        int[] labels,
        int channels,
        int height,
        int width,
        List<String> classNames,
        String checksum,
        String origin) implements Examples, java.io.Serializable {

    public LabeledImages {
        requireNonNull(pixels, "pixels is null");
        requireNonNull(labels, "labels is null");
        classNames = List.copyOf(classNames);
        requireNonNull(checksum, "checksum is null");
        requireNonNull(origin, "origin is null");
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " values, expected "
                    + labels.length + " x " + channels + " x " + height + " x " + width);
        }
        Examples.checkLabels(labels, classNames.size());
    }

    /** @return values per image */
    public int imageSize() {
        return channels * height * width;
    }

    @Override
    public ImageFormat format() {
        return new ImageFormat(channels, height, width);
    }

    /**
     * Copies the images at {@code indices}, in that order.
     *
     * @param indices positions in this dataset
     * @param origin a description of the subset, for provenance
     * @return a new dataset with the same classes
     */
    @Override
    public LabeledImages select(int[] indices, String origin) {
        ImageBatch batch = gather(indices);
        return new LabeledImages(batch.pixels(), batch.labels(), channels, height, width, classNames, checksum, origin);
    }

    @Override
    public LabeledImages withLabels(int[] newLabels, List<String> newClassNames, String newChecksum, String newOrigin) {
        return new LabeledImages(pixels, newLabels, channels, height, width, newClassNames, newChecksum, newOrigin);
    }

    @Override
    public ImageBatch gather(int[] indices) {
        int stride = imageSize();
        float[] out = new float[indices.length * stride];
        int[] outLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * stride, out, i * stride, stride);
            outLabels[i] = labels[indices[i]];
        }
        return new ImageBatch(out, outLabels, channels, height, width);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledImages other
                && Arrays.equals(pixels, other.pixels)
                && Arrays.equals(labels, other.labels)
                && channels == other.channels
                && height == other.height
                && width == other.width
                && classNames.equals(other.classNames);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "LabeledImages[" + size() + " x " + channels + "x" + height + "x" + width + ", "
                + numClasses() + " classes, " + origin + "]";
    }
}
