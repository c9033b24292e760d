package dev.graft.plugins.similarity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.similarity.SimilarityConfig;
import java.util.List;

/**
 * Configuration of {@code mmd}.
 *
 * @param scales the kernels' sigma² as multiples of the mean squared pairwise distance of the
 *     pooled sample (the Transfer-Learning-Library's DAN: 2^-3 .. 2^1)
 * @param bandwidth a fixed sigma for a single kernel instead; absent = the multi-kernel
 */
public record MmdConfig(
        @JsonPropertyDescription("kernels' sigma² as multiples of the mean squared pairwise distance (DAN: 0.125..2)") List<Double> scales,
        @JsonPropertyDescription("one Gaussian kernel with this sigma instead; absent = the multi-kernel") Double bandwidth)
        implements SimilarityConfig {
    public MmdConfig {
        scales = scales == null ? List.of(0.125, 0.25, 0.5, 1.0, 2.0) : List.copyOf(scales);
        if (scales.isEmpty() || scales.stream().anyMatch(s -> !(s > 0))) {
            throw new InvalidConfigException("scales", "needs at least one positive scale, got " + scales);
        }
        if (bandwidth != null && !(bandwidth > 0)) {
            throw new InvalidConfigException("bandwidth", "must be positive, got " + bandwidth);
        }
    }
}
