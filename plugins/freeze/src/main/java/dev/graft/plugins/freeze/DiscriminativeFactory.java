package dev.graft.plugins.freeze;

import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import java.util.ArrayList;
import java.util.List;

/**
 * Discriminative fine-tuning (Howard and Ruder 2018): every group trains from the first epoch,
 * group i counted from the top (i = 0 for the group under the head) at {@code lr * decay^i}.
 */
public final class DiscriminativeFactory implements FreezeScheduleFactory<DiscriminativeConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "discriminative";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DiscriminativeConfig> configClass() {
        return DiscriminativeConfig.class;
    }

    @Override
    public String description() {
        return "ULMFiT discriminative rates: every group trains, group i from the top at lr * decay^i";
    }

    @Override
    public FreezeSchedule create(DiscriminativeConfig config) {
        return geometric(config.decay(), 0);
    }

    /**
     * @param decay the factor per group
     * @param firstPower the power of {@code decay} the group under the head trains at
     * @return every group training, group i counted from the top (0 under the head) at lr * decay^(i + firstPower)
     */
    static FreezeSchedule geometric(double decay, int firstPower) {
        return (groups, position) -> {
            List<GroupState> states = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                states.add(new GroupState(true, Math.pow(decay, groups.size() - 1 - i + firstPower)));
            }
            return states;
        };
    }
}
