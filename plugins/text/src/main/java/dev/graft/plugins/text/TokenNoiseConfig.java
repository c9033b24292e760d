package dev.graft.plugins.text;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.evaluate.EvaluationConfig;

/**
 * Configuration of {@code token-noise}.
 *
 * @param probability the chance each word piece (not padding) is replaced by a random one of the vocabulary
 */
public record TokenNoiseConfig(
        @JsonPropertyDescription("chance each word piece (not padding) is replaced by one drawn uniformly from the vocabulary") Double probability)
        implements EvaluationConfig {
    public TokenNoiseConfig {
        if (probability == null) {
            throw new InvalidConfigException("probability", "is required: the chance each word piece is replaced, in (0, 1]");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new InvalidConfigException("probability", "must be in (0, 1], got " + probability);
        }
    }
}
