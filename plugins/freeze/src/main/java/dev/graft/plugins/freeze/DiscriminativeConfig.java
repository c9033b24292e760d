package dev.graft.plugins.freeze;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code discriminative}.
 *
 * @param decay learning-rate factor per group counted from the top
 */
public record DiscriminativeConfig(
        @JsonPropertyDescription("learning-rate factor per group counted from the top (ULMFiT: 1/2.6)") Double decay)
        implements FreezeConfig {
    public DiscriminativeConfig {
        decay = FreezeChecks.decay(decay == null ? 1 / 2.6 : decay);
    }
}
