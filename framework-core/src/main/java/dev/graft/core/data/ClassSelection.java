package dev.graft.core.data;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.LabeledImages;
import java.util.ArrayList;
import java.util.List;

/** Keeps the listed classes of a dataset, in the listed order, relabelled {@code 0..k-1}. */
public final class ClassSelection {
    private ClassSelection() {}

    /**
     * @param data a dataset
     * @param classes original class ids to keep, or null for all
     * @return the selected examples, in their original order
     */
    public static LabeledImages apply(LabeledImages data, List<Integer> classes) {
        if (classes == null) {
            return data;
        }
        int[] newLabel = new int[data.numClasses()];
        java.util.Arrays.fill(newLabel, -1);
        List<String> names = new ArrayList<>();
        for (int c : classes) {
            if (c < 0 || c >= data.numClasses()) {
                throw new GraftException("class " + c + " is not in " + data.origin() + " (classes 0-" + (data.numClasses() - 1) + ")");
            }
            if (newLabel[c] >= 0) {
                throw new GraftException("class " + c + " is listed twice");
            }
            newLabel[c] = names.size();
            names.add(data.classNames().get(c));
        }
        int count = 0;
        for (int label : data.labels()) {
            if (newLabel[label] >= 0) {
                count++;
            }
        }
        int stride = data.imageSize();
        float[] pixels = new float[count * stride];
        int[] labels = new int[count];
        for (int i = 0, j = 0; i < data.size(); i++) {
            int label = newLabel[data.labels()[i]];
            if (label >= 0) {
                System.arraycopy(data.pixels(), i * stride, pixels, j * stride, stride);
                labels[j++] = label;
            }
        }
        return new LabeledImages(pixels, labels, data.channels(), data.height(), data.width(), names, data.checksum(),
                data.origin() + " classes " + classes);
    }
}
