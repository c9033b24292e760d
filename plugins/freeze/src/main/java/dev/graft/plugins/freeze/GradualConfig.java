package dev.graft.plugins.freeze;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code gradual}.
 *
 * @param every epochs between unfreezing one more layer group
 * @param decay learning-rate factor per group down from the top (1 = the same rate everywhere;
 *     ULMFiT combines gradual unfreezing with 1/2.6)
 */
public record GradualConfig(
        @JsonPropertyDescription("epochs between unfreezing the next group down") Integer every,
        @JsonPropertyDescription("learning-rate factor per group counted from the top (1 = none; ULMFiT uses 1/2.6)") Double decay)
        implements FreezeConfig {
    public GradualConfig {
        every = every == null ? 1 : every;
        if (every < 1) {
            throw new InvalidConfigException("every", "must be at least 1, got " + every);
        }
        decay = FreezeChecks.decay(decay == null ? 1.0 : decay);
    }
}
