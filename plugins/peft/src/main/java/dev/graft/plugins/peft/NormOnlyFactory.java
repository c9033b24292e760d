package dev.graft.plugins.peft;

import dev.graft.spi.freeze.BackboneParameter.Kind;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import java.util.Set;

/**
 * Norm-only tuning (Frankle, Schwab & Morcos 2021, "Training BatchNorm and Only BatchNorm"): of the
 * backbone only the normalisation layers' scales and shifts train (BatchNorm's and LayerNorm's
 * gamma and beta), and the backbone runs in training mode, so BatchNorm normalises with batch
 * statistics and its running statistics follow the target data. The head trains as always.
 */
public final class NormOnlyFactory implements FreezeScheduleFactory<NormOnlyConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "norm-only";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<NormOnlyConfig> configClass() {
        return NormOnlyConfig.class;
    }

    @Override
    public String description() {
        return "norm-only tuning (Frankle et al. 2021): only the backbone's normalisation scales and shifts train, "
                + "BatchNorm in training mode";
    }

    @Override
    public FreezeSchedule create(NormOnlyConfig config) {
        return new ChosenParameters(NAME, Set.of(Kind.NORM_SCALE, Kind.NORM_SHIFT), config.lrMultiplier(), true);
    }
}
