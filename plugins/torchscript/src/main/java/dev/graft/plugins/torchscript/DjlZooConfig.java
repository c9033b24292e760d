package dev.graft.plugins.torchscript;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import java.util.List;

/**
 * Configuration of {@code djl-zoo}.
 *
 * @param url where DJL's {@code Criteria} finds the model: a local directory or file (relative
 *     to the directory graft runs in), a {@code file://} URL, or, online, any URL DJL accepts
 *     ({@code djl://ai.djl.pytorch/resnet}, {@code https://.../model.zip}, {@code jar://})
 * @param modelName the model's name inside the directory (DJL's {@code optModelName}), or null
 * @param trusted loading TorchScript executes code from the file: true says you trust it; local
 *     models inside a directory listed in {@code GRAFT_TRUSTED_DIRS} need no flag
 * @param channels input channels the model expects (grayscale data is replicated to them)
 * @param inputSize height and width the model expects, or 0 for any
 * @param mean per-channel mean subtracted from [0, 1] pixels (one value, or one per channel)
 * @param std per-channel divisor (one value, or one per channel)
 */
public record DjlZooConfig(
        @JsonPropertyDescription("model location for DJL's Criteria: a local directory or file, file://, or online djl:// / https:// URLs") String url,
        @JsonPropertyDescription("the model's name inside the directory (DJL optModelName)") String modelName,
        @JsonPropertyDescription("true: you trust the model (TorchScript executes code); or keep local models under GRAFT_TRUSTED_DIRS") Boolean trusted,
        @JsonPropertyDescription("input channels the model expects") Integer channels,
        @JsonPropertyDescription("height and width the model expects, 0 = any") Integer inputSize,
        @JsonPropertyDescription("mean subtracted from [0,1] pixels, one value or one per channel") List<Double> mean,
        @JsonPropertyDescription("divisor after subtracting the mean, one value or one per channel") List<Double> std)
        implements dev.graft.spi.backbone.BackboneConfig {

    public DjlZooConfig {
        if (url == null || url.isBlank()) {
            throw new InvalidConfigException("url", "is required: a model directory, file:// URL or DJL model-zoo URL");
        }
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
