package dev.graft.plugins.peft;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code bitfit}.
 *
 * @param lrMultiplier the biases' learning rate as a fraction of the head's (base) rate
 */
public record BitFitConfig(
        @JsonPropertyDescription("learning rate of the biases as a fraction of the head's (base) rate") Double lrMultiplier)
        implements FreezeConfig {
    public BitFitConfig {
        lrMultiplier = multiplier(lrMultiplier);
    }

    /** @return the multiplier, 1 when absent, checked to lie in (0, 100] */
    static double multiplier(Double value) {
        double multiplier = value == null ? 1.0 : value;
        if (!(multiplier > 0 && multiplier <= 100)) {
            throw new InvalidConfigException("lrMultiplier", "must be in (0, 100], got " + multiplier);
        }
        return multiplier;
    }
}
