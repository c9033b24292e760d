package dev.graft.spi.data;

import java.util.List;

/**
 * What a dataset holds, known without decoding it: used to validate a descriptor (class ids,
 * input shapes, labelled-data sizes) before anything trains.
 *
 * @param classNames names of every class, indexed by original class id
 * @param channels image channels
 * @param height image height in pixels
 * @param width image width in pixels
 * @param trainCounts examples of each class in the training split, indexed by original class id,
 *     when the provider knows them without loading the data (file counts, say); null otherwise,
 *     and then sizes are checked once the data is loaded
 */
public record DatasetInfo(List<String> classNames, int channels, int height, int width, List<Integer> trainCounts) {
    public DatasetInfo {
        classNames = List.copyOf(classNames);
        if (trainCounts != null) {
            trainCounts = List.copyOf(trainCounts);
            if (trainCounts.size() != classNames.size()) {
                throw new IllegalArgumentException(trainCounts.size() + " class counts for " + classNames.size() + " classes");
            }
        }
    }

    /**
     * @param classNames names of every class, indexed by original class id
     * @param channels image channels
     * @param height image height in pixels
     * @param width image width in pixels
     */
    public DatasetInfo(List<String> classNames, int channels, int height, int width) {
        this(classNames, channels, height, width, null);
    }
}
