package dev.graft.plugins.text;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code token-swap}.
 *
 * @param fraction swaps per sequence as a share of its tokens
 */
public record TokenSwapConfig(
        @JsonPropertyDescription("swaps per sequence as a share of its tokens (EDA's alpha: max(1, floor(alpha x tokens)) swaps); 0 does nothing")
        Double fraction)
        implements AugmentConfig {
    public TokenSwapConfig {
        fraction = fraction == null ? 0.1 : fraction;
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new InvalidConfigException("fraction", "must be in [0, 1], got " + fraction);
        }
    }

    @Override
    public boolean noop() {
        return fraction == 0;
    }
}
