package dev.graft.plugins.peft;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code norm-only}.
 *
 * @param lrMultiplier the normalisation parameters' learning rate as a fraction of the head's (base) rate
 */
public record NormOnlyConfig(
        @JsonPropertyDescription("learning rate of the normalisation scales and shifts as a fraction of the head's (base) rate")
        Double lrMultiplier)
        implements FreezeConfig {
    public NormOnlyConfig {
        lrMultiplier = BitFitConfig.multiplier(lrMultiplier);
    }
}
