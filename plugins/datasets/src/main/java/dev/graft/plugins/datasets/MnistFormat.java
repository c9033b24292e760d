package dev.graft.plugins.datasets;

import dev.graft.spi.GraftException;
import dev.graft.image.LabeledImages;
import java.util.List;

/** Turns an MNIST-style pair of IDX files (images N x H x W, labels N) into labelled images. */
final class MnistFormat {
    private MnistFormat() {}

    static LabeledImages toImages(IdxFile images, IdxFile labels, List<String> classNames, String origin) {
        if (images.dims().length != 3) {
            throw new GraftException(images.path() + ": expected 3 dimensions (count x height x width), found " + images.dims().length);
        }
        if (labels.dims().length != 1) {
            throw new GraftException(labels.path() + ": expected 1 dimension (count), found " + labels.dims().length);
        }
        int n = images.dims()[0];
        if (labels.dims()[0] != n) {
            throw new GraftException(labels.path() + " has " + labels.dims()[0] + " labels but " + images.path() + " has " + n + " images");
        }
        int[] classIds = new int[n];
        for (int i = 0; i < n; i++) {
            classIds[i] = labels.data()[i] & 0xff;
            if (classIds[i] >= classNames.size()) {
                throw new GraftException(labels.path() + ": label " + classIds[i] + " at position " + i + " is not a class (0-"
                        + (classNames.size() - 1) + ")");
            }
        }
        byte[] raw = images.data();
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = (raw[i] & 0xff) / 255f;
        }
        String checksum = images.sha256().substring(0, 16) + labels.sha256().substring(0, 16);
        return new LabeledImages(pixels, classIds, 1, images.dims()[1], images.dims()[2], classNames, checksum, origin);
    }
}
