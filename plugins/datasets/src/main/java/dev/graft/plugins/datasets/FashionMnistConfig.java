package dev.graft.plugins.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.data.DatasetConfig;
import java.util.List;
import java.util.Map;

/**
 * Configuration of {@code fashion-mnist}.
 *
 * @param relabel new class name to the original class ids it gathers, or null (instead of {@code classes})
 * @param classes class ids to keep (0 T-shirt/top ... 9 Ankle boot), absent for all
 * @param source where the IDX files are: {@code auto}, {@code bundled}, {@code system}, or a
 *     directory
 */
public record FashionMnistConfig(
        @JsonPropertyDescription("class ids to keep, in order (0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, "
                + "5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot); absent = all") List<Integer> classes,
        @JsonPropertyDescription("auto (--data-dir, then the Debian package, then the bundled subset), bundled, system, "
                + "or a directory holding the four IDX files") String source,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("new class name -> original class ids it gathers (merges classes; others are left out); instead of classes")
        Map<String, List<Integer>> relabel)
        implements DatasetConfig {

    public FashionMnistConfig {
        classes = classes == null ? null : List.copyOf(classes);
        relabel = DatasetConfig.checkRelabel(classes, relabel);
        source = source == null ? "auto" : source;
        if (source.isBlank()) {
            throw new InvalidConfigException("source", "must be auto, bundled, system or a directory");
        }
    }
}
