package dev.graft.plugins.freeze;

import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import java.util.Collections;
import java.util.Map;

/**
 * PyTorch Lightning's {@code BackboneFinetuning} callback: the backbone is frozen until {@code
 * unfreezeAt}; then it trains at {@code initialRatio} times the head's rate, multiplied by {@code
 * growth} every epoch (Lightning's default multiplicative {@code lambda_func}), never above the
 * head's rate.
 */
public final class BackboneFinetuningFactory implements FreezeScheduleFactory<BackboneFinetuningConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "backbone-finetuning";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<BackboneFinetuningConfig> configClass() {
        return BackboneFinetuningConfig.class;
    }

    @Override
    public String description() {
        return "Lightning BackboneFinetuning: frozen until unfreezeAt, then initialRatio x head rate, x growth per epoch, capped at the head rate";
    }

    @Override
    public FreezeSchedule create(BackboneFinetuningConfig config) {
        return (groups, position) -> {
            if (position.epoch() < config.unfreezeAt()) {
                return Collections.nCopies(groups.size(), GroupState.FROZEN);
            }
            double ratio = Math.min(1.0, config.initialRatio() * Math.pow(config.growth(), position.epoch() - config.unfreezeAt()));
            return Collections.nCopies(groups.size(), new GroupState(true, ratio, config.trainBatchNorm()));
        };
    }

    /** Unfreezes after one epoch, so a two-epoch run has both phases. */
    @Override
    public Map<String, Object> example() {
        return Map.of("unfreezeAt", 1);
    }
}
