package dev.graft.plugins.freeze;

import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import java.util.Collections;

/** Full fine-tuning: every backbone group trains from the first epoch, at {@code lrMultiplier} times the base rate. */
public final class FullFactory implements FreezeScheduleFactory<FullConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "full";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FullConfig> configClass() {
        return FullConfig.class;
    }

    @Override
    public String description() {
        return "fine-tune everything: every backbone group trains, at lrMultiplier times the base (head) learning rate";
    }

    @Override
    public FreezeSchedule create(FullConfig config) {
        GroupState state = new GroupState(true, config.lrMultiplier());
        return (groups, position) -> Collections.nCopies(groups.size(), state);
    }
}
