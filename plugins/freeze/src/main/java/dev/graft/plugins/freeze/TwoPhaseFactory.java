package dev.graft.plugins.freeze;

import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.freeze.TrainingPosition;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The Keras transfer-learning guide's recipe: train the head with the backbone frozen for {@code
 * frozenEpochs}, then unfreeze everything and train the whole model (head included) at {@code
 * unfrozenLrScale} times the base rate. The backbone's BatchNorm layers stay in inference mode in
 * both phases unless {@code trainBatchNorm}, as the guide advises.
 */
public final class TwoPhaseFactory implements FreezeScheduleFactory<TwoPhaseConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "two-phase";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TwoPhaseConfig> configClass() {
        return TwoPhaseConfig.class;
    }

    @Override
    public String description() {
        return "Keras guide: backbone frozen for frozenEpochs, then the whole model at unfrozenLrScale x lr, BatchNorm kept in inference mode";
    }

    @Override
    public FreezeSchedule create(TwoPhaseConfig config) {
        GroupState unfrozen = new GroupState(true, config.unfrozenLrScale(), config.trainBatchNorm());
        return new FreezeSchedule() {
            @Override
            public List<GroupState> plan(List<String> groupNames, TrainingPosition position) {
                return Collections.nCopies(groupNames.size(), secondPhase(position) ? unfrozen : GroupState.FROZEN);
            }

            @Override
            public double headLrMultiplier(TrainingPosition position) {
                return secondPhase(position) ? config.unfrozenLrScale() : 1.0;
            }

            private boolean secondPhase(TrainingPosition position) {
                return position.epoch() >= config.frozenEpochs();
            }
        };
    }

    /** Unfreezes after one epoch, so a two-epoch run has both phases. */
    @Override
    public Map<String, Object> example() {
        return Map.of("frozenEpochs", 1);
    }
}
