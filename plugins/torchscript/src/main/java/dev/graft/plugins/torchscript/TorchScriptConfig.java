package dev.graft.plugins.torchscript;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import java.util.List;

/**
 * Configuration of {@code torchscript}.
 *
 * @param paths TorchScript files ({@code torch.jit.save}), one per layer group, run in order; a
 *     single file is a backbone of one group
 * @param groups names of the layer groups (default: the file names without extension)
 * @param trusted loading TorchScript executes code from the file: true says you trust it; files
 *     inside a directory listed in {@code GRAFT_TRUSTED_DIRS} need no flag
 * @param channels input channels the module expects (grayscale data is replicated to them)
 * @param inputSize height and width the module expects, or 0 for any
 * @param mean per-channel mean subtracted from [0, 1] pixels (one value, or one per channel)
 * @param std per-channel divisor (one value, or one per channel)
 */
public record TorchScriptConfig(
        @JsonPropertyDescription("TorchScript files, one per layer group, run in order") List<String> paths,
        @JsonPropertyDescription("names of the layer groups (default: the file names)") List<String> groups,
        @JsonPropertyDescription("true: you trust the files (TorchScript executes code); or keep them under GRAFT_TRUSTED_DIRS") Boolean trusted,
        @JsonPropertyDescription("input channels the module expects") Integer channels,
        @JsonPropertyDescription("height and width the module expects, 0 = any") Integer inputSize,
        @JsonPropertyDescription("mean subtracted from [0,1] pixels, one value or one per channel") List<Double> mean,
        @JsonPropertyDescription("divisor after subtracting the mean, one value or one per channel") List<Double> std)
        implements dev.graft.spi.backbone.BackboneConfig {

    public TorchScriptConfig {
        if (paths == null || paths.isEmpty()) {
            throw new InvalidConfigException("paths", "needs at least one TorchScript file");
        }
        paths = List.copyOf(paths);
        if (groups != null && groups.size() != paths.size()) {
            throw new InvalidConfigException("groups", "needs one name per file (" + paths.size() + "), got " + groups.size());
        }
        groups = groups == null ? null : List.copyOf(groups);
        trusted = trusted != null && trusted;
        Preprocessing preprocessing = Preprocessing.of(channels, inputSize, mean, std);
        channels = preprocessing.channels();
        inputSize = preprocessing.inputSize();
        mean = preprocessing.mean();
        std = preprocessing.std();
    }

    Preprocessing preprocessing() {
        return new Preprocessing(channels, inputSize, mean, std);
    }
}
