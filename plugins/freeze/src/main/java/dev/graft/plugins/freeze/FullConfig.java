package dev.graft.plugins.freeze;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code full}.
 *
 * @param lrMultiplier the backbone's learning rate as a fraction of the head's (base) rate
 */
public record FullConfig(@JsonPropertyDescription("backbone learning rate as a fraction of the head's (base) rate") Double lrMultiplier)
        implements FreezeConfig {
    public FullConfig {
        lrMultiplier = FreezeChecks.lrMultiplier(lrMultiplier);
    }
}
