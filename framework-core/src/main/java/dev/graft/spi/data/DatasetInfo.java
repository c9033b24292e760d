package dev.graft.spi.data;

import java.util.List;

/**
 * What a dataset holds, known without decoding it: used to validate a descriptor (class ids,
 * input shapes) before anything trains.
 *
 * @param classNames names of every class, indexed by original class id
 * @param channels image channels
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record DatasetInfo(List<String> classNames, int channels, int height, int width) {
    public DatasetInfo {
        classNames = List.copyOf(classNames);
    }
}
