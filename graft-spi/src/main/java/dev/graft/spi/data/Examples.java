package dev.graft.spi.data;

import java.util.List;

/**
 * Labelled examples of one modality, held on the Java heap: what a {@link DatasetProvider}
 * loads. The core works on them through this interface only: it samples and relabels them by
 * index ({@link #select}, {@link #withLabels}), gathers batches ({@link #gather}) and hands the
 * batches to the augmenter and the backbone's {@link dev.graft.spi.backbone.InputSpec}. A
 * modality module implements it (images: {@code dev.graft.image.LabeledImages}; token
 * sequences: the text plugins' {@code LabeledTokens}).
 *
 * <p>Instances are shared between trials: treat every array as read-only, and make {@link
 * #gather} copy.
 *
 * <p>Make the class {@link java.io.Serializable} (a record of arrays, strings and lists needs
 * only the word): an executor that trains on other machines ({@code graft run --executor spark})
 * ships the target's examples to them rather than the files they were read from, and refuses
 * examples it cannot serialise.
 */
public interface Examples {

    /** @return one class id per example, indexing {@link #classNames()}; do not modify */
    int[] labels();

    /** @return class names, indexed by label */
    List<String> classNames();

    /** @return a content hash of the source files (provenance; part of the feature-cache key) */
    String checksum();

    /** @return where the data came from, e.g. a directory, for provenance and messages */
    String origin();

    /** @return what one example is */
    ExampleFormat format();

    /**
     * Copies the examples at {@code indices}, in that order.
     *
     * @param indices positions in these examples
     * @param origin a description of the subset, for provenance
     * @return new examples with the same classes
     */
    Examples select(int[] indices, String origin);

    /**
     * The same examples under other labels.
     *
     * @param labels one new class id per example, indexing {@code classNames}
     * @param classNames the new classes
     * @param checksum the relabelled examples' content hash: this one's when the labels follow
     *     from the source files (a class selection), another when they do not (shuffled labels)
     * @param origin a description of the relabelling, for provenance
     * @return new examples sharing these examples' contents
     */
    Examples withLabels(int[] labels, List<String> classNames, String checksum, String origin);

    /**
     * @param indices the examples of the batch, in order
     * @return the batch, sharing nothing with these examples
     */
    Batch gather(int[] indices);

    /** @return the number of examples */
    default int size() {
        return labels().length;
    }

    /** @return the number of classes */
    default int numClasses() {
        return classNames().size();
    }

    /** @return the number of examples per label */
    default int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels()) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Checks labels as an implementation's constructor should.
     *
     * @param labels the labels
     * @param numClasses the number of classes
     * @throws IllegalArgumentException naming the first label out of range
     */
    static void checkLabels(int[] labels, int numClasses) {
        for (int label : labels) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + numClasses + ")");
            }
        }
    }
}
