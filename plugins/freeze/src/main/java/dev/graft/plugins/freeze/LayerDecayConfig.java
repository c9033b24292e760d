package dev.graft.plugins.freeze;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code layer-decay}.
 *
 * @param decay learning-rate factor per layer group counted from the head
 */
public record LayerDecayConfig(
        @JsonPropertyDescription("learning-rate factor per layer group counted from the head (timm's layer_decay; BEiT and MAE use 0.65-0.75)")
        Double decay)
        implements FreezeConfig {
    public LayerDecayConfig {
        decay = FreezeChecks.decay(decay == null ? 0.75 : decay);
    }
}
