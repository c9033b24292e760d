package dev.graft.plugins.torchscript;

import dev.graft.spi.InvalidConfigException;
import dev.graft.image.ImageInputSpec;
import java.util.List;

/**
 * What a PyTorch model expects of its input, as a descriptor states it: channels, size, and the
 * per-channel normalisation of [0, 1] pixels.
 *
 * @param channels input channels (grayscale data is replicated to them)
 * @param inputSize height and width, or 0 for any
 * @param mean subtracted from [0, 1] pixels, one value or one per channel
 * @param std divisor after the mean, one value or one per channel
 */
record Preprocessing(int channels, int inputSize, List<Double> mean, List<Double> std) {

    /** Applies the defaults (3 channels, any size, mean 0, std 1) and checks the values. */
    static Preprocessing of(Integer channels, Integer inputSize, List<Double> mean, List<Double> std) {
        int c = channels == null ? 3 : channels;
        if (c < 1) {
            throw new InvalidConfigException("channels", "must be positive, got " + c);
        }
        int size = inputSize == null ? 0 : inputSize;
        if (size < 0) {
            throw new InvalidConfigException("inputSize", "must be >= 0, got " + size);
        }
        List<Double> m = mean == null ? List.of(0.0) : List.copyOf(mean);
        List<Double> s = std == null ? List.of(1.0) : List.copyOf(std);
        if (m.size() != 1 && m.size() != c) {
            throw new InvalidConfigException("mean", "needs 1 or " + c + " values, got " + m.size());
        }
        if (s.size() != 1 && s.size() != c || s.stream().anyMatch(v -> !(v > 0))) {
            throw new InvalidConfigException("std", "needs 1 or " + c + " positive values, got " + s);
        }
        return new Preprocessing(c, size, m, s);
    }

    ImageInputSpec inputSpec() {
        float[] meanValues = new float[channels];
        float[] stdValues = new float[channels];
        for (int c = 0; c < channels; c++) {
            meanValues[c] = mean.get(mean.size() == 1 ? 0 : c).floatValue();
            stdValues[c] = std.get(std.size() == 1 ? 0 : c).floatValue();
        }
        return new ImageInputSpec(channels, inputSize, inputSize, meanValues, stdValues);
    }
}
