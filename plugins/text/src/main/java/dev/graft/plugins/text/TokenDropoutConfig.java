package dev.graft.plugins.text;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;

/**
 * Configuration of {@code token-dropout}.
 *
 * @param probability the chance each token is deleted
 */
public record TokenDropoutConfig(@JsonPropertyDescription("chance each token is deleted (EDA's random deletion p); 0 does nothing") Double probability)
        implements AugmentConfig {
    public TokenDropoutConfig {
        probability = probability == null ? 0.1 : probability;
        if (!(probability >= 0 && probability < 1)) {
            throw new InvalidConfigException("probability", "must be in [0, 1), got " + probability);
        }
    }

    @Override
    public boolean noop() {
        return probability == 0;
    }
}
