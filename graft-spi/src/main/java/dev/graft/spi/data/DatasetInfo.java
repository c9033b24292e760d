package dev.graft.spi.data;

import java.util.List;

/**
 * What a dataset holds, known without decoding it: used to validate a descriptor (class ids,
 * example formats, labelled-data sizes) before anything trains.
 *
 * @param classNames names of every class, indexed by original class id
 * @param format what one example is (images of a shape, token sequences, ...)
 * @param trainCounts examples of each class in the training split, indexed by original class id,
 *     when the provider knows them without loading the data (file counts, say); null otherwise,
 *     and then sizes are checked once the data is loaded
 */
public record DatasetInfo(List<String> classNames, ExampleFormat format, List<Integer> trainCounts) {
    public DatasetInfo {
        classNames = List.copyOf(classNames);
        java.util.Objects.requireNonNull(format, "format is null");
        if (trainCounts != null) {
            trainCounts = List.copyOf(trainCounts);
            if (trainCounts.size() != classNames.size()) {
                throw new IllegalArgumentException(trainCounts.size() + " class counts for " + classNames.size() + " classes");
            }
        }
    }

    /**
     * @param classNames names of every class, indexed by original class id
     * @param format what one example is
     */
    public DatasetInfo(List<String> classNames, ExampleFormat format) {
        this(classNames, format, null);
    }
}
