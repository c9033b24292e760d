package dev.graft.plugins.freeze;

import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradual unfreezing (Howard and Ruder 2018, ULMFiT): the first {@code every} epochs train only
 * the head; then every {@code every} epochs one more layer group, from the top down, starts
 * training. With {@code decay < 1}, group i counted from the top trains at {@code lr * decay^i}
 * (discriminative fine-tuning, as ULMFiT combines them).
 */
public final class GradualFactory implements FreezeScheduleFactory<GradualConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "gradual";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GradualConfig> configClass() {
        return GradualConfig.class;
    }

    @Override
    public String description() {
        return "ULMFiT gradual unfreezing: one more group from the top every `every` epochs, optionally at lr * decay^i";
    }

    @Override
    public FreezeSchedule create(GradualConfig config) {
        return (groups, position) -> {
            int unfrozen = Math.min(groups.size(), position.epoch() / config.every());
            List<GroupState> states = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                int fromTop = groups.size() - 1 - i;
                states.add(fromTop < unfrozen ? new GroupState(true, Math.pow(config.decay(), fromTop)) : GroupState.FROZEN);
            }
            return states;
        };
    }
}
