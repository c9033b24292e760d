package dev.graft.plugins.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.data.DatasetConfig;
import java.util.List;
import java.util.Map;

/**
 * Configuration of {@code image-folder}.
 *
 * @param relabel new class name to the original class ids it gathers, or null (instead of {@code classes})
 * @param classes class indices to keep (classes are the sub-directory names, sorted), absent for all
 * @param root a directory with one sub-directory per class, or with {@code train/} and {@code test/} each holding them; relative to the descriptor
 * @param test a separate test root, overriding {@code root/test}
 * @param testFraction without a test root: the share of each class (the last files by name) held out for test
 * @param size height and width every image is resized to (bilinear); absent = the images' own, which must agree
 * @param color {@code grayscale}, {@code rgb}, or {@code auto} (grayscale when every image is)
 * @param skipBadFiles skip unreadable or non-image files with a warning instead of failing
 */
public record ImageFolderConfig(
        @JsonPropertyDescription("class indices to keep (classes = sub-directory names, sorted); absent = all") List<Integer> classes,
        @JsonPropertyDescription("directory with a sub-directory per class, or with train/ and test/ holding them") String root,
        @JsonPropertyDescription("separate test root, overriding root/test") String test,
        @JsonPropertyDescription("without a test root: share of each class held out for test (last files by name)") Double testFraction,
        @JsonPropertyDescription("resize every image to size x size; absent = the images' own size, which must agree") Integer size,
        @JsonPropertyDescription("grayscale, rgb, or auto (grayscale when every image is)") String color,
        @JsonPropertyDescription("skip unreadable files with a warning instead of failing") Boolean skipBadFiles,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("new class name -> original class ids it gathers (merges classes; others are left out); instead of classes")
        Map<String, List<Integer>> relabel) implements DatasetConfig {

    public ImageFolderConfig {
        classes = classes == null ? null : List.copyOf(classes);
        relabel = DatasetConfig.checkRelabel(classes, relabel);
        if (root == null || root.isBlank()) {
            throw new InvalidConfigException("root", "is required: a directory with one sub-directory per class");
        }
        testFraction = testFraction == null ? 0.2 : testFraction;
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new InvalidConfigException("testFraction", "must be in (0, 1), got " + testFraction);
        }
        if (size != null && (size < 1 || size > 4096)) {
            throw new InvalidConfigException("size", "must be in [1, 4096], got " + size);
        }
        color = color == null ? "auto" : color;
        if (!List.of("auto", "grayscale", "rgb").contains(color)) {
            throw new InvalidConfigException("color", "must be auto, grayscale or rgb, got '" + color + "'");
        }
        skipBadFiles = skipBadFiles != null && skipBadFiles;
    }
}
