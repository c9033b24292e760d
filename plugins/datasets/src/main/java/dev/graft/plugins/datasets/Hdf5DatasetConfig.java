package dev.graft.plugins.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.data.DatasetConfig;
import java.util.List;
import java.util.Map;

/**
 * Configuration of {@code hdf5}.
 *
 * @param relabel new class name to the original class ids it gathers, or null (instead of {@code classes})
 * @param classes label values to keep, in order; absent for all
 * @param train the training file
 * @param test the test file; absent = the last {@code testFraction} of each class of the training file
 * @param testFraction without a test file, the share of each class held out for test
 * @param scale divisor bringing values to [0, 1] (255 for 8-bit pixels; 1 for features)
 * @param images the dataset of inputs: N x F (features), N x H x W, N x C x H x W, or N x H x W x C with {@code channelsLast}
 * @param labels the dataset of integer labels (N)
 * @param channelsLast inputs are N x H x W x C (Keras' layout)
 */
public record Hdf5DatasetConfig(
        @JsonPropertyDescription("label values to keep, in order; absent = all") List<Integer> classes,
        @JsonPropertyDescription("training file, relative to the descriptor") String train,
        @JsonPropertyDescription("test file; absent = the last testFraction of each class of the training file") String test,
        @JsonPropertyDescription("without a test file: share of each class held out for test") Double testFraction,
        @JsonPropertyDescription("divisor bringing values to [0,1]: 255 for 8-bit pixels, 1 for features") Double scale,
        @JsonPropertyDescription("dataset of inputs: N x F, N x H x W, N x C x H x W (or N x H x W x C)") String images,
        @JsonPropertyDescription("dataset of integer labels") String labels,
        @JsonPropertyDescription("inputs are N x H x W x C (Keras) rather than N x C x H x W") Boolean channelsLast,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("new class name -> original class ids it gathers (merges classes; others are left out); instead of classes")
        Map<String, List<Integer>> relabel) implements ArrayDatasets.Source {

    public Hdf5DatasetConfig {
        classes = classes == null ? null : List.copyOf(classes);
        relabel = DatasetConfig.checkRelabel(classes, relabel);
        train = ArrayDatasets.required(train);
        testFraction = ArrayDatasets.fraction(testFraction);
        scale = ArrayDatasets.scale(scale);
        images = images == null ? "images" : images;
        labels = labels == null ? "labels" : labels;
        channelsLast = channelsLast != null && channelsLast;
    }
}
