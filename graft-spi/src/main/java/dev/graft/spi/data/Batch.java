package dev.graft.spi.data;

/**
 * A batch of examples on the Java heap, of some modality, with integer labels and, after a
 * label-mixing augmenter (mixup, CutMix), a second label per example with the share of the
 * first: example i then counts as {@code mixWeights()[i]} of class {@code labels()[i]} and
 * {@code 1 - mixWeights()[i]} of class {@code mixedLabels()[i]} in the loss. The core reads the
 * labels; the backbone's {@link dev.graft.spi.backbone.InputSpec} turns the rest into arrays.
 * Treat the arrays as read-only.
 */
public interface Batch {

    /** @return one class id per example (the dominant one after mixing) */
    int[] labels();

    /**
     * @return the second class of each example, or null when not mixed (the default: a modality
     *     without label mixing need not implement it)
     */
    default int[] mixedLabels() {
        return null;
    }

    /** @return the share of {@code labels()[i]} in each example's target, or null when not mixed (the default) */
    default float[] mixWeights() {
        return null;
    }

    /** @return the number of examples */
    default int size() {
        return labels().length;
    }

    /** @return whether the examples carry mixed labels */
    default boolean isMixed() {
        return mixWeights() != null;
    }

    /**
     * Checks mixed labels as a batch's constructor should.
     *
     * @param size examples in the batch
     * @param mixedLabels the second labels, or null
     * @param mixWeights the shares, or null
     * @throws IllegalArgumentException unless both are null or both hold one value per example
     */
    static void checkMixing(int size, int[] mixedLabels, float[] mixWeights) {
        if ((mixedLabels == null) != (mixWeights == null)
                || mixedLabels != null && (mixedLabels.length != size || mixWeights.length != size)) {
            throw new IllegalArgumentException("mixedLabels and mixWeights go together, one per example");
        }
    }
}
