package dev.graft.plugins.freeze;

import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;

/**
 * Layer-wise learning-rate decay as timm's {@code layer_decay} (BEiT, Bao et al. 2022; MAE, He et
 * al. 2022): the head is the top layer at the base rate and each layer group below it trains at
 * {@code decay} times the rate of the group above, so the group under the head trains at
 * lr * decay and group i from the top at lr * decay^(i+1). {@code discriminative} (ULMFiT) is the
 * same rule one power up: its group under the head trains at the base rate.
 */
public final class LayerDecayFactory implements FreezeScheduleFactory<LayerDecayConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "layer-decay";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LayerDecayConfig> configClass() {
        return LayerDecayConfig.class;
    }

    @Override
    public String description() {
        return "layer-wise rate decay as timm's layer_decay: every group trains, group i from the top at lr * decay^(i+1), the head at lr";
    }

    @Override
    public FreezeSchedule create(LayerDecayConfig config) {
        return DiscriminativeFactory.geometric(config.decay(), 1);
    }
}
