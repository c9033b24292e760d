package dev.graft.plugins.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.data.DatasetConfig;
import java.util.List;
import java.util.Map;

/**
 * Configuration of {@code csv}.
 *
 * @param relabel new class name to the original class ids it gathers, or null (instead of {@code classes})
 * @param classes label values to keep, in order; absent for all
 * @param train the training file: one example per row, the integer label first, an optional header
 * @param test the test file; absent = the last {@code testFraction} of each class of the training file
 * @param testFraction without a test file, the share of each class held out for test
 * @param shape channels, height and width of one example; absent = one channel, square
 * @param scale divisor bringing values to [0, 1] (255 for 8-bit pixels)
 */
public record CsvDatasetConfig(
        @JsonPropertyDescription("label values to keep, in order; absent = all") List<Integer> classes,
        @JsonPropertyDescription("training file (label first, optional header), relative to the descriptor") String train,
        @JsonPropertyDescription("test file; absent = the last testFraction of each class of the training file") String test,
        @JsonPropertyDescription("without a test file: share of each class held out for test") Double testFraction,
        @JsonPropertyDescription("[channels, height, width] of one example; default 1 channel, square") List<Integer> shape,
        @JsonPropertyDescription("divisor bringing values to [0,1]: 255 for 8-bit pixels") Double scale,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("new class name -> original class ids it gathers (merges classes; others are left out); instead of classes")
        Map<String, List<Integer>> relabel) implements ArrayDatasets.Source {

    public CsvDatasetConfig {
        classes = classes == null ? null : List.copyOf(classes);
        relabel = DatasetConfig.checkRelabel(classes, relabel);
        train = ArrayDatasets.required(train);
        testFraction = ArrayDatasets.fraction(testFraction);
        if (shape != null && (shape.size() != 3 || shape.stream().anyMatch(d -> d == null || d < 1))) {
            throw new InvalidConfigException("shape", "needs [channels, height, width], all positive, got " + shape);
        }
        shape = shape == null ? null : List.copyOf(shape);
        scale = ArrayDatasets.scale(scale);
    }
}
