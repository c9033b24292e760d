package dev.graft.plugins.freeze;

import dev.graft.spi.GraftException;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import java.util.ArrayList;
import java.util.List;

/** The hybrid: the top k layer groups train, the rest stay frozen, for the whole trial. */
public final class TopKFactory implements FreezeScheduleFactory<TopKConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "top-k";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TopKConfig> configClass() {
        return TopKConfig.class;
    }

    @Override
    public String description() {
        return "hybrid: the top k layer groups fine-tune, the groups below stay frozen";
    }

    @Override
    public FreezeSchedule create(TopKConfig config) {
        int k = config.k();
        GroupState training = new GroupState(true, config.lrMultiplier());
        return (groups, position) -> {
            if (k > groups.size()) {
                throw new GraftException("top-k: k = " + k + " but the backbone has only " + groups.size() + " layer groups " + groups);
            }
            List<GroupState> states = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                states.add(i >= groups.size() - k ? training : GroupState.FROZEN);
            }
            return states;
        };
    }
}
